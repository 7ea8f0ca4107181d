import { SloAlertState } from '@internal/backstage-plugin-reliability-common';
import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import Tooltip from '@material-ui/core/Tooltip';
import { ALERT_STATE_LABEL, SLO_HELP } from '../sloFormat';

const useStyles = makeStyles(theme => ({
  page: {
    backgroundColor: theme.palette.error.main,
    color: theme.palette.error.contrastText,
  },
  ticket: {
    backgroundColor: theme.palette.warning.main,
    color: theme.palette.warning.contrastText,
  },
  ok: {
    backgroundColor: theme.palette.success.main,
    color: theme.palette.success.contrastText,
  },
  unknown: {},
}));

/** Chip showing the most severe burn-rate alert firing for an SLO. */
export function SloAlertChip(props: { state: SloAlertState; stale?: boolean }) {
  const classes = useStyles();
  return (
    <Tooltip title={SLO_HELP.alert}>
      <Chip
        size="small"
        label={`${ALERT_STATE_LABEL[props.state]}${
          props.stale ? ' (stale)' : ''
        }`}
        className={classes[props.state]}
      />
    </Tooltip>
  );
}
