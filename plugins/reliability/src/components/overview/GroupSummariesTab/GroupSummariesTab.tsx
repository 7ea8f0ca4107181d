import {
  EmptyState,
  ResponseErrorPanel,
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
import { PlainTable, PlainTableColumn } from '../../PlainTable';
import {
  formatCount,
  formatDateTime,
  formatPercent,
  formatScore,
} from '../overviewFormat';

const PAGE_SIZE = 20;

/** A mean maturity score out of 100; "not assessed" when no service of the group has a score. */
function maturityText(score: number | null): string {
  return score === null ? 'not assessed' : `${formatScore(score)}/100`;
}

function columns(
  by: 'team' | 'system',
): PlainTableColumn<GroupReliabilitySummary>[] {
  return [
    {
      title: by === 'team' ? 'Team' : 'System',
      width: '24%',
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
    { title: 'Services', align: 'right', render: group => group.serviceCount },
    {
      title: 'With SLOs',
      align: 'right',
      render: group => formatPercent(group.withSlos),
    },
    {
      title: 'Meeting SLOs',
      align: 'right',
      render: group => formatPercent(group.meetingSlos),
    },
    {
      title: 'On call covered',
      align: 'right',
      render: group => formatPercent(group.onCallCoverage),
    },
    {
      title: 'Avg. maturity',
      align: 'right',
      render: group => maturityText(group.averageMaturity),
    },
    {
      title: 'Breaching now',
      align: 'right',
      render: group => group.breachingCount,
    },
    {
      title: 'Worst error budget',
      tooltip:
        by === 'system'
          ? 'Lowest budget remaining of the SLOs of the system’s services and of the system’s own SLOs'
          : 'Lowest budget remaining of the SLOs of the team’s services',
      render: group => formatBudgetRemaining(group.worstBudgetRemaining),
    },
  ];
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
    // The roll-up comes whole (one row per group); it is paged here, from the first page for each grouping.
    return (
      <PlainTable
        key={by}
        title={by === 'team' ? 'Teams' : 'Systems'}
        subtitle={value ? rollUpFreshness(value) : undefined}
        loading={loading}
        loadingLabel={by === 'team' ? 'Loading teams' : 'Loading systems'}
        columns={columns(by)}
        rows={loading ? [] : value?.groups ?? []}
        rowKey={group => group.entityRef ?? '(none)'}
        pageSize={PAGE_SIZE}
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
