import {
  EmptyState,
  ResponseErrorPanel,
  Table,
  TableColumn,
  WarningPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import Typography from '@material-ui/core/Typography';
import {
  formatBudgetRemaining,
  GroupReliabilitySummary,
  OverviewSummariesResponse,
} from '@internal/backstage-plugin-reliability-common';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { reliabilityApiRef } from '../../../api';
import {
  formatCount,
  formatDateTime,
  formatPercent,
  formatScore,
} from '../overviewFormat';

const PAGE_SIZE = 20;
const cellStyle = { wordBreak: 'normal', overflowWrap: 'normal' } as const;

/** A mean maturity score out of 100; "not assessed" when no service of the group has a score. */
function maturityText(score: number | null): string {
  return score === null ? 'not assessed' : `${formatScore(score)}/100`;
}

function columns(
  by: 'team' | 'system',
): TableColumn<GroupReliabilitySummary>[] {
  const list: TableColumn<GroupReliabilitySummary>[] = [
    {
      title: by === 'team' ? 'Team' : 'System',
      cellStyle: { ...cellStyle, minWidth: 240 },
      render: group =>
        group.entityRef ? (
          <EntityRefLink
            entityRef={group.entityRef}
            defaultKind={by === 'team' ? 'group' : 'system'}
          />
        ) : (
          <Typography variant="body2" color="textSecondary">
            {by === 'team' ? 'no owner' : 'no system'}
          </Typography>
        ),
    },
    { title: 'Services', field: 'serviceCount', type: 'numeric' },
    { title: 'With SLOs', render: group => formatPercent(group.withSlos) },
    {
      title: 'Meeting SLOs',
      render: group => formatPercent(group.meetingSlos),
    },
    {
      title: 'On call covered',
      render: group => formatPercent(group.onCallCoverage),
    },
    {
      title: 'Avg. maturity',
      render: group => maturityText(group.averageMaturity),
    },
    { title: 'Breaching now', field: 'breachingCount', type: 'numeric' },
    {
      title: 'Worst error budget',
      tooltip:
        by === 'system'
          ? 'Lowest budget remaining of the SLOs of the system’s services and of the system’s own SLOs'
          : 'Lowest budget remaining of the SLOs of the team’s services',
      render: group => formatBudgetRemaining(group.worstBudgetRemaining),
    },
  ];
  return list.map(column => ({ cellStyle, ...column }));
}

/**
 * How fresh the roll-up is: the stored roll-up (every service, refreshed in the background) says when its pass
 * finished; a roll-up computed for this request says so.
 */
export function rollUpFreshness(response: OverviewSummariesResponse): string {
  const services = formatCount(response.serviceCount, 'service');
  return response.computedAt
    ? `${services} · as of ${formatDateTime(response.computedAt)}`
    : `${services} · computed just now`;
}

/** The "Teams & systems" tab: reliability roll-ups per owning team or per system. */
export function GroupSummariesTab() {
  const api = useApi(reliabilityApiRef);
  const [by, setBy] = useState<'team' | 'system'>('team');
  const { value, loading, error } = useAsync(
    () => api.getOverviewSummaries(by),
    [api, by],
  );

  const body = () => {
    if (error) {
      return (
        <ResponseErrorPanel
          title="Summaries could not be loaded"
          error={error}
        />
      );
    }
    if (!loading && value && value.groups.length === 0) {
      return (
        <EmptyState
          missing="content"
          title="No services to summarise"
          description="Register Component entities with an owner and a system to see roll-ups."
        />
      );
    }
    return (
      <Table
        title={by === 'team' ? 'Teams' : 'Systems'}
        subtitle={value ? rollUpFreshness(value) : undefined}
        isLoading={loading}
        columns={columns(by)}
        data={value?.groups ?? []}
        options={{
          paging: (value?.groups.length ?? 0) > PAGE_SIZE,
          pageSize: PAGE_SIZE,
          emptyRowsWhenPaging: false,
          search: false,
          padding: 'dense',
        }}
      />
    );
  };

  return (
    <>
      <Tabs
        value={by}
        onChange={(_event, next) => setBy(next)}
        indicatorColor="primary"
        aria-label="Group services by"
      >
        <Tab value="team" label="By team" />
        <Tab value="system" label="By system" />
      </Tabs>
      {value?.truncated && (
        <WarningPanel severity="info" title="Partial roll-up">
          {`Only the first ${value.serviceCount} services are rolled up.`}
        </WarningPanel>
      )}
      {body()}
    </>
  );
}
