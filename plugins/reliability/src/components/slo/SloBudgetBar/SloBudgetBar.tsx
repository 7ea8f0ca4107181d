import LinearProgress from '@material-ui/core/LinearProgress';
import { makeStyles } from '@material-ui/core/styles';
import { budgetLevel } from '../sloFormat';

const useStyles = makeStyles(theme => ({
  root: { height: 8, borderRadius: 4 },
  ok: { backgroundColor: theme.palette.success.main },
  warning: { backgroundColor: theme.palette.warning.main },
  critical: { backgroundColor: theme.palette.error.main },
  unknown: { backgroundColor: theme.palette.grey[400] },
}));

/** Error budget remaining as a coloured bar (green above 50%, amber above 20%, red below). */
export function SloBudgetBar(props: { remaining: number | null }) {
  const classes = useStyles();
  const level = budgetLevel(props.remaining);
  const value =
    props.remaining === null
      ? 0
      : Math.max(0, Math.min(100, props.remaining * 100));
  return (
    <LinearProgress
      variant="determinate"
      value={value}
      aria-label="error budget remaining"
      classes={{ root: classes.root, bar: classes[level] }}
    />
  );
}
