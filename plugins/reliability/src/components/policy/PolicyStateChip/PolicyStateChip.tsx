import {
  PolicyDecision,
  policyStateLabel,
} from '@internal/backstage-plugin-reliability-common';
import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import Tooltip from '@material-ui/core/Tooltip';
import { DECISION_LABEL } from '../policyFormat';

const useStyles = makeStyles(theme => ({
  // error.dark, not error.main: white on error.main is 3.7:1, below WCAG AA for the chip's small label.
  deny: {
    backgroundColor: theme.palette.error.dark,
    color: theme.palette.error.contrastText,
  },
  warn: {
    backgroundColor: theme.palette.warning.main,
    color: theme.palette.warning.contrastText,
  },
  allow: {
    backgroundColor: theme.palette.success.main,
    color: theme.palette.success.contrastText,
  },
  neutral: {},
}));

/**
 * A policy state (`frozen`, `review`, `ok`, ...) coloured by what it means for deploys; a state no rule gave
 * (`ok`, `no-data`) with an `allow` decision is green only when there is data. With `onClick` it is a button
 * (named by `actionLabel`).
 */
export function PolicyStateChip(props: {
  state: string;
  decision: PolicyDecision;
  label?: string;
  onClick?: () => void;
  actionLabel?: string;
}) {
  const classes = useStyles();
  const className =
    props.state === 'no-data' || props.state === 'no-slos'
      ? classes.neutral
      : classes[props.decision];
  return (
    <Tooltip title={DECISION_LABEL[props.decision]}>
      <Chip
        size="small"
        label={props.label ?? policyStateLabel(props.state)}
        className={className}
        {...(props.onClick
          ? {
              onClick: props.onClick,
              clickable: true,
              'aria-label': props.actionLabel,
            }
          : {})}
      />
    </Tooltip>
  );
}
