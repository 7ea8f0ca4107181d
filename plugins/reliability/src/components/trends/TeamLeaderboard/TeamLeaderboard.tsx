import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { reliabilityApiRef } from '../../../api';
import { PlainTableContent } from '../../PlainTable';
import { noSnapshotsText } from '../trendFormat';
import { leaderboardColumns } from './leaderboardColumns';

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
  // The checklist's level order for the Level column's sort; without it, levels sort by id.
  const levels = useAsync(async () => api.getChecklist(), [api]);
  const levelIds = levels.value?.levels.map(level => level.id);

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
          <PlainTableContent
            // Each ranking starts in its own order.
            key={by}
            label={by === 'score' ? 'Teams by score' : 'Most improved teams'}
            columns={leaderboardColumns(by, levelIds)}
            rows={entries.map((e, i) => ({ ...e, rank: i + 1 }))}
            rowKey={e => e.teamRef}
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
