import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { AssessmentRecord } from '@internal/backstage-plugin-reliability-common';
import Typography from '@material-ui/core/Typography';
import { useEntityReliability } from '../../../hooks';
import { MaturityScoreChart } from '../../charts';
import { formatScore } from '../maturityFormat';

/** Points of the chart: assessments with a score (null scores would draw a misleading 0). */
export function historyPoints(assessments: AssessmentRecord[]) {
  return assessments
    .filter(a => a.score !== null && Number.isFinite(a.score))
    .map(a => ({
      date: a.createdAt.slice(0, 10),
      score: a.score as number,
      level: a.level,
      author: a.author,
    }));
}

/** Score of every submitted assessment of the current entity over time. */
export function MaturityHistoryChart(props: { reloadKey?: number }) {
  const { value, loading, error } = useEntityReliability(
    (api, entityRef) => api.getEntityMaturityHistory(entityRef),
    [props.reloadKey],
  );

  const content = () => {
    if (error) return <ResponseErrorPanel error={error} />;
    if (loading || !value) return <Progress />;
    const points = historyPoints(value.assessments);
    if (points.length === 0) {
      return (
        <EmptyState
          missing="data"
          title="No assessments yet"
          description="Each submitted self-assessment adds a point to this chart."
        />
      );
    }
    const latest = points[points.length - 1];
    return (
      <>
        <Typography variant="body2" color="textSecondary">
          {points.length} assessment{points.length === 1 ? '' : 's'}; latest{' '}
          {formatScore(latest.score)} on {latest.date} by {latest.author}
        </Typography>
        <MaturityScoreChart
          points={points}
          dateKey="date"
          name="Score"
          height={240}
          dots
        />
      </>
    );
  };

  return <InfoCard title="Maturity over time">{content()}</InfoCard>;
}
