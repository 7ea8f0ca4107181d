import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  reliabilityStateOf,
  ServiceOverviewRow,
} from '@internal/backstage-plugin-reliability-common';
import Typography from '@material-ui/core/Typography';
import { formatPercent } from '../../overview/overviewFormat';
import { ReliabilityStateChip } from '../../overview/ReliabilityStateChip';
import { useMyServicesReliability } from '../useMyServicesReliability';
import { AlarmChip } from '../../AlarmChip';
import { PlainTableColumn, PlainTableContent } from '../../PlainTable';

const capitalise = (text: string) =>
  text.charAt(0).toLocaleUpperCase('en-US') + text.slice(1);

const columns: PlainTableColumn<ServiceOverviewRow>[] = [
  {
    title: 'Service',
    render: row => (
      <EntityRefLink
        entityRef={row.entityRef}
        title={row.title ?? undefined}
        hideIcon
      />
    ),
  },
  {
    title: 'Budget left',
    render: row =>
      row.slo && row.slo.sloCount > 0 ? (
        <>
          <ReliabilityStateChip state={reliabilityStateOf(row.slo)} />{' '}
          {formatPercent(row.slo.worstBudgetRemaining)}
        </>
      ) : (
        'no SLOs'
      ),
  },
  {
    title: 'Alerts firing',
    render: row =>
      row.slo?.alerting ? (
        <AlarmChip
          size="small"
          alarm={row.slo.alerting === 'page'}
          label={row.slo.alerting}
        />
      ) : (
        'none'
      ),
  },
  {
    title: 'Maturity',
    render: row => {
      if (!row.maturity || row.maturity.score === null) return 'not assessed';
      return row.maturity.level === 'none'
        ? 'no level yet'
        : capitalise(row.maturity.level);
    },
  },
];

/**
 * Home page widget "My services' reliability": the services owned by the signed-in user and their groups,
 * worst first, with the error budget left, the SLO alert firing and the maturity level of each.
 */
export function MyServicesReliabilityWidget() {
  const { value, loading, error } = useMyServicesReliability();

  if (loading) return <Progress />;
  if (error || !value) {
    return <ResponseErrorPanel error={error ?? new Error('No response')} />;
  }
  if (value.services.length === 0) {
    return (
      <EmptyState
        missing="data"
        title="You own no services"
        description="This widget lists the catalog components owned by you or by your teams."
      />
    );
  }
  return (
    <>
      <PlainTableContent
        label="My services' reliability"
        columns={columns}
        rows={value.services}
        rowKey={row => row.entityRef}
        pageSize={10}
      />
      {value.truncated && (
        <Typography variant="caption" color="textSecondary" component="p">
          Some of your services are not shown: see the Reliability page for all
          of them.
        </Typography>
      )}
    </>
  );
}
