import Grid from '@material-ui/core/Grid';
import { MaturityTrendChart } from '../MaturityTrendChart';
import { TeamLeaderboard } from '../TeamLeaderboard';

/** The org page's trends: the org's maturity and SLO attainment over time, and the team leaderboard. */
export function TrendsTabContent() {
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} lg={7}>
        <MaturityTrendChart
          scope="org"
          title="Organisation maturity over time"
        />
      </Grid>
      <Grid item xs={12} lg={5}>
        <TeamLeaderboard />
      </Grid>
    </Grid>
  );
}
