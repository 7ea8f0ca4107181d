import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { TrendLeaderboardEntry } from '@internal/backstage-plugin-reliability-common';
import Chip from '@material-ui/core/Chip';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { reliabilityApiRef } from '../../../api';
import { formatScore } from '../../overview/overviewFormat';
import { formatChange, noSnapshotsText } from '../trendFormat';

type Ranked = TrendLeaderboardEntry & { rank: number };

function columns(by: 'score' | 'improvement'): TableColumn<Ranked>[] {
  return [
    { title: '#', field: 'rank', width: '48px' },
    {
      title: 'Team',
      render: e => (
        <>
          <EntityRefLink entityRef={e.teamRef} defaultKind="group" />
          {e.demo && (
            <>
              {' '}
              <Chip size="small" label="demo data" variant="outlined" />
            </>
          )}
        </>
      ),
    },
    { title: 'Score', render: e => formatScore(e.score) },
    { title: 'Level', field: 'level' },
    { title: 'Services', field: 'serviceCount', type: 'numeric' },
    by === 'improvement'
      ? {
          title: 'Change',
          render: e =>
            `${formatChange(e.improvement)} since ${e.baselineDay ?? '—'}`,
        }
      : { title: 'Change', render: e => formatChange(e.improvement) },
  ];
}

/**
 * Leaderboard of teams from the daily snapshots: by current maturity score, and by improvement over the last
 * 90 days (against each team's oldest snapshot in that period).
 */
export function TeamLeaderboard(props: { limit?: number }) {
  const { limit = 10 } = props;
  const api = useApi(reliabilityApiRef);
  const [by, setBy] = useState<'score' | 'improvement'>('score');
  const { value, loading, error } = useAsync(
    () => api.getTrendLeaderboard({ limit }),
    [api, limit],
  );

  const content = () => {
    if (error) return <ResponseErrorPanel error={error} />;
    if (loading || !value) return <Progress />;
    if (!value.day) {
      return (
        <EmptyState
          missing="data"
          title={noSnapshotsText(value.nextSnapshotAt)}
          description="Teams are ranked from the daily snapshots of their maturity."
        />
      );
    }
    const entries = by === 'score' ? value.byScore : value.byImprovement;
    return (
      <>
        <Tabs
          value={by}
          onChange={(_e, next) => setBy(next)}
          indicatorColor="primary"
          aria-label="Rank teams by"
        >
          <Tab value="score" label="By score" />
          <Tab
            value="improvement"
            label={`Most improved (${value.improvementDays} days)`}
          />
        </Tabs>
        {entries.length === 0 ? (
          <Typography
            variant="body2"
            color="textSecondary"
            style={{ padding: 16 }}
          >
            {by === 'score'
              ? 'No team has a score yet.'
              : `No team has a snapshot from before ${value.day} yet: improvement shows from the second day on.`}
          </Typography>
        ) : (
          <Table<Ranked>
            options={{
              paging: false,
              search: false,
              toolbar: false,
              padding: 'dense',
            }}
            columns={columns(by)}
            data={entries.map((e, i) => ({ ...e, rank: i + 1 }))}
          />
        )}
        <Typography
          variant="caption"
          color="textSecondary"
          style={{ padding: 16 }}
        >
          Snapshot of {value.day}.
        </Typography>
      </>
    );
  };

  return (
    <InfoCard title="Team leaderboard" noPadding>
      {content()}
    </InfoCard>
  );
}
