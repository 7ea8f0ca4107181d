import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import {
  BlastRadius,
  TourRunbook,
} from '@internal/backstage-plugin-reliability-common';
import { ReactNode } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { reliabilityApiRef } from '../../../api';
import { PlainTable } from '../../PlainTable';
import { TourRunbookLink } from '../ArchitectureTourTab/tourLinks';
import { GlossaryTerm } from '../GlossaryTab';
import { formatCount } from '../overviewFormat';
import { blastRadiusColumns } from './blastRadiusColumns';

/** One sentence: how many depend on it, how many of them are tier-1, how many teams to warn. */
export function blastRadiusSummary(radius: BlastRadius): string {
  const name = radius.root.title ?? radius.root.name;
  const { dependents } = radius;
  if (dependents.length === 0) {
    return `Nothing in the catalog depends on ${name}.`;
  }
  const direct = dependents.filter(d => d.distance === 1).length;
  const tier1 = dependents.filter(d => /(^|\D)1$/.test(d.tier ?? '')).length;
  const teams = new Set(dependents.map(d => d.owner).filter(Boolean)).size;
  const verb = dependents.length === 1 ? 'depends' : 'depend';
  const critical = tier1 > 0 ? `${tier1} of them tier-1, ` : '';
  const more = radius.truncated
    ? ` The walk stopped after ${radius.maxDistance} hops or a few hundred entities: there may be more.`
    : '';
  return `${formatCount(dependents.length, 'entity').replace(
    'entitys',
    'entities',
  )} ${verb} on ${name} (${direct} directly): ${critical}owned by ${formatCount(
    teams,
    'team',
  )}.${more}`;
}

function RunbookGroup(props: {
  title: ReactNode;
  empty: string;
  entityRef: string;
  runbooks: TourRunbook[];
}) {
  return (
    <Grid item xs={12} md={4}>
      <Typography variant="overline" display="block">
        {props.title}
      </Typography>
      {props.runbooks.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          {props.empty}
        </Typography>
      ) : (
        props.runbooks.map(runbook => (
          <div key={runbook.id ?? runbook.url ?? runbook.title}>
            <TourRunbookLink entityRef={props.entityRef} runbook={runbook} />
          </div>
        ))
      )}
    </Grid>
  );
}

/** The blast radius of one entity: its rollbacks and pre-mortems, and the table of everything that depends on it. */
export function BlastRadiusView(props: { entityRef: string }) {
  const api = useApi(reliabilityApiRef);
  const radius = useAsync(
    () => api.getBlastRadius(parseEntityRef(props.entityRef)),
    [api, props.entityRef],
  );
  if (radius.loading) return <Progress />;
  if (radius.error) {
    return (
      <ResponseErrorPanel
        title="The blast radius could not be loaded"
        error={radius.error}
      />
    );
  }
  if (!radius.value) return null;
  const value = radius.value;
  const rootRef = value.root.entityRef;
  return (
    <>
      <Typography variant="body1" paragraph>
        If <EntityRefLink entityRef={rootRef} /> fails:{' '}
        {blastRadiusSummary(value)}
      </Typography>
      <Grid container spacing={2}>
        <RunbookGroup
          title={
            <GlossaryTerm term="rollback">Rollback procedures</GlossaryTerm>
          }
          empty="None indexed: write one (a runbook of kind rollback) before the next risky change."
          entityRef={rootRef}
          runbooks={value.rollbacks}
        />
        <RunbookGroup
          title={<GlossaryTerm term="pre-mortem">Pre-mortems</GlossaryTerm>}
          empty="None yet: this list is where one starts."
          entityRef={rootRef}
          runbooks={value.premortems}
        />
        <RunbookGroup
          title={<GlossaryTerm term="postmortem">Postmortems</GlossaryTerm>}
          empty="No past incidents written up."
          entityRef={rootRef}
          runbooks={value.postmortems}
        />
      </Grid>
      {value.dependents.length > 0 && (
        <PlainTable
          title="What depends on it, nearest first"
          columns={blastRadiusColumns}
          rows={value.dependents}
          rowKey={row => row.entityRef}
          loading={false}
        />
      )}
    </>
  );
}
