import Chip, { ChipProps } from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';

const useStyles = makeStyles(theme => ({
  // White on error.dark is 5:1; MUI's color="secondary" (white on pink #f50057) is 4.2:1, below WCAG AA
  // for a small chip's label.
  alarm: {
    backgroundColor: theme.palette.error.dark,
    color: theme.palette.common.white,
  },
}));

/**
 * A chip that stands out in a readable dark red when `alarm` is set (overdue, paging); otherwise a chip in
 * `color` (default or primary).
 */
export function AlarmChip(
  props: Omit<ChipProps, 'color'> & {
    alarm: boolean;
    color?: 'default' | 'primary';
  },
) {
  const { alarm, className, color, ...rest } = props;
  const classes = useStyles();
  const alarmClass = alarm ? classes.alarm : undefined;
  return (
    <Chip
      {...rest}
      color={alarm ? 'default' : color}
      className={[alarmClass, className].filter(Boolean).join(' ') || undefined}
    />
  );
}
