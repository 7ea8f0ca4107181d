import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { ANNOTATIONS } from '@internal/backstage-plugin-reliability-common';
import Typography from '@material-ui/core/Typography';
import { CollectionOverdueNotice } from '../../backgroundWork';
import { SloDefinitionErrors } from '../SloDefinitionErrors';
import { SloStatusSummary } from '../SloStatusSummary';
import { useEntitySlos } from '../useEntitySlos';
import { useSloRunbooks } from '../useSloRunbooks';

/** The entity's SLOs: attainment, error budget, burn rate and alert state of each, with definition problems. */
export function EntitySloCard() {
  const { value, loading, error } = useEntitySlos();
  const runbooks = useSloRunbooks();

  if (loading) {
    return (
      <InfoCard title="Service level objectives">
        <Progress />
      </InfoCard>
    );
  }
  if (error || !value) {
    return <ResponseErrorPanel error={error ?? new Error('No response')} />;
  }
  const stale = value.slos.some(slo => slo.status?.stale);
  return (
    <InfoCard
      title="Service level objectives"
      subheader={
        stale
          ? 'Some SLI data is stale: the provider did not answer'
          : undefined
      }
    >
      <CollectionOverdueNotice overdue={value.collectionOverdue} />
      <SloDefinitionErrors errors={value.definitionErrors} />
      {value.slos.length === 0 && value.definitionErrors.length === 0 && (
        <EmptyState
          missing="field"
          title="No SLOs defined"
          description={
            <Typography variant="body2" component="span">
              Add an OpenSLO file and point the annotation{' '}
              <code>{ANNOTATIONS.sloDefinitions}</code> at it (or put the YAML
              in <code>{ANNOTATIONS.sloInline}</code>).
            </Typography>
          }
        />
      )}
      {value.slos.map(slo => (
        <SloStatusSummary
          key={slo.definition.name}
          slo={slo}
          runbooks={runbooks}
        />
      ))}
    </InfoCard>
  );
}
