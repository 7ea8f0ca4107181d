import { SourceWarnings } from '../SourceWarnings';
import { Link } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  AlertGap,
  AlertsCoverageResponse,
  AlertSummary,
  isHttpUrl,
} from '@internal/backstage-plugin-reliability-common';
import Box from '@material-ui/core/Box';
import { WholeWordsTable } from '../../PlainTable';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { formatCoverage, formatMinutes } from '../alertFormat';

const GAP_LABEL: Record<AlertGap['kind'], string> = {
  'no-paging-alert': 'No paging alert',
  'unmonitored-resource': 'Unmonitored resource',
  'unowned-alert': 'Unowned alert',
};

/** Most rows of each list; the counts above them cover every row. */
const MAX_ROWS = 25;

function entityCoverage(summary: AlertSummary): string {
  if (summary.pagingAlerts === 0) return 'no paging alerts';
  return `${summary.pagingWithRunbook} of ${summary.pagingAlerts}`;
}

function GapsTable(props: { gaps: AlertGap[] }) {
  return (
    <WholeWordsTable size="small" aria-label="Monitoring gaps">
      <TableHead>
        <TableRow>
          <TableCell>Gap</TableCell>
          <TableCell>Entity or alert</TableCell>
          <TableCell>What is missing</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.gaps.slice(0, MAX_ROWS).map(gap => (
          <TableRow
            key={`${gap.kind}:${gap.entityRef ?? ''}:${
              gap.alert?.source ?? ''
            }:${gap.alert?.id ?? ''}`}
          >
            <TableCell>{GAP_LABEL[gap.kind]}</TableCell>
            <TableCell>
              {gap.entityRef ? (
                <EntityRefLink entityRef={gap.entityRef} />
              ) : (
                `${gap.alert?.name ?? 'unknown alert'} (${
                  gap.alert?.source ?? 'unknown source'
                })`
              )}
            </TableCell>
            <TableCell>
              {gap.message}
              {gap.dependents?.length ? ` (${gap.dependents.join(', ')})` : ''}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </WholeWordsTable>
  );
}

function NoisyTable(props: { noisy: AlertsCoverageResponse['noisy'] }) {
  return (
    <WholeWordsTable size="small" aria-label="Noisy alerts">
      <TableHead>
        <TableRow>
          <TableCell>Alert</TableCell>
          <TableCell>Entity</TableCell>
          <TableCell align="right">Fired</TableCell>
          <TableCell align="right">Median to resolve</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.noisy.slice(0, MAX_ROWS).map(({ entityRef, alert }) => (
          <TableRow key={`${entityRef}:${alert.source}:${alert.id}`}>
            <TableCell>
              {isHttpUrl(alert.url) ? (
                <Link to={alert.url!} target="_blank" rel="noopener noreferrer">
                  {alert.name}
                </Link>
              ) : (
                alert.name
              )}
              {alert.pages ? ' · pages' : ''}
            </TableCell>
            <TableCell>
              <EntityRefLink entityRef={entityRef} />
            </TableCell>
            <TableCell align="right">{alert.fired}</TableCell>
            <TableCell align="right">
              {alert.medianMinutes === null
                ? '—'
                : formatMinutes(alert.medianMinutes)}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </WholeWordsTable>
  );
}

function EntitiesTable(props: { entities: AlertSummary[] }) {
  return (
    <WholeWordsTable size="small" aria-label="Coverage per entity">
      <TableHead>
        <TableRow>
          <TableCell>Entity</TableCell>
          <TableCell align="right">Alerts</TableCell>
          <TableCell>Paging with runbook</TableCell>
          <TableCell align="right">Noisy</TableCell>
          <TableCell align="right">Firing</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.entities.slice(0, MAX_ROWS).map(summary => (
          <TableRow key={summary.entityRef}>
            <TableCell>
              <EntityRefLink entityRef={summary.entityRef} />
              {summary.stale ? ' · stale' : ''}
            </TableCell>
            <TableCell align="right">{summary.alerts}</TableCell>
            <TableCell>{entityCoverage(summary)}</TableCell>
            <TableCell align="right">{summary.noisy}</TableCell>
            <TableCell align="right">{summary.firing}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </WholeWordsTable>
  );
}

function Section(props: { title: string; children: JSX.Element }) {
  return (
    <Box mt={2}>
      <Typography variant="subtitle2" gutterBottom>
        {props.title}
      </Typography>
      {props.children}
    </Box>
  );
}

/**
 * The monitoring of a team or of the organisation: runbook coverage over every paging alert, the gaps (tier-1
 * services with SLOs but no paging alert, resources tier-1 services depend on without a monitor, alerts no
 * entity owns), the noisy alerts and the coverage per entity. Sources that failed are named (their alerts are
 * the last ones read).
 */
export function AlertsCoverageView(props: { value: AlertsCoverageResponse }) {
  const { value } = props;
  const cut = (n: number) => (n > MAX_ROWS ? ` (first ${MAX_ROWS})` : '');
  return (
    <>
      <SourceWarnings
        sources={value.sources}
        staleNote="counting those read before"
      />
      <Typography variant="body2" data-testid="coverage-summary">
        Runbook coverage {formatCoverage(value.coverage)} ·{' '}
        {value.entities.length} entit
        {value.entities.length === 1 ? 'y' : 'ies'} · {value.gaps.length} gap
        {value.gaps.length === 1 ? '' : 's'} · {value.noisy.length} noisy alert
        {value.noisy.length === 1 ? '' : 's'} (last {value.windowDays} days)
      </Typography>
      {value.gaps.length > 0 && (
        <Section title={`Gaps${cut(value.gaps.length)}`}>
          <GapsTable gaps={value.gaps} />
        </Section>
      )}
      {value.noisy.length > 0 && (
        <Section title={`Noisy alerts${cut(value.noisy.length)}`}>
          <NoisyTable noisy={value.noisy} />
        </Section>
      )}
      {value.entities.length > 0 && (
        <Section title={`Coverage per entity${cut(value.entities.length)}`}>
          <EntitiesTable entities={value.entities} />
        </Section>
      )}
    </>
  );
}
