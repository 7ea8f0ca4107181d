import Grid from '@material-ui/core/Grid';
import { MaturityTrendChart } from '../MaturityTrendChart';
import { TeamLeaderboard } from '../TeamLeaderboard';

/**
 * The org page's trends: the org's maturity and SLO attainment over time, and the team leaderboard. Side by side only
 * on extra-large screens: the leaderboard's six columns need about 640 px, more than five twelfths of a laptop's
 * content area.
 */
export function TrendsTabContent() {
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} xl={7}>
        <MaturityTrendChart
          scope="org"
          title="Organisation maturity over time"
        />
      </Grid>
      <Grid item xs={12} xl={5}>
        <TeamLeaderboard />
      </Grid>
    </Grid>
  );
}
