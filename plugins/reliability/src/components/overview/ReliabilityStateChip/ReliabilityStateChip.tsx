import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import { ReliabilityState } from '@internal/backstage-plugin-reliability-common';

/**
 * Colours of the reliability states, shared by the chips and the architecture map. Each carries the chips'
 * white label at 4.5:1 or more (WCAG AA), in both themes.
 */
export const STATE_COLOURS: Record<ReliabilityState, string> = {
  ok: '#2e7d32',
  'at-risk': '#b45309',
  breaching: '#d32f2f',
  unknown: '#757575',
};

/** Human labels of the reliability states. */
export const STATE_LABELS: Record<ReliabilityState, string> = {
  ok: 'OK',
  'at-risk': 'At risk',
  breaching: 'Breaching',
  unknown: 'No SLO data',
};

/** The reliability states worst first (breaching, at risk, without data, OK), for sorting. */
export const STATE_ORDER: Record<ReliabilityState, number> = {
  breaching: 0,
  'at-risk': 1,
  unknown: 2,
  ok: 3,
};

const useStyles = makeStyles({
  chip: (props: { state: ReliabilityState }) => ({
    backgroundColor: STATE_COLOURS[props.state],
    color: '#fff',
  }),
});

/** A small coloured chip naming a reliability state. */
export function ReliabilityStateChip(props: { state: ReliabilityState }) {
  const classes = useStyles(props);
  return (
    // A span, so the chip may sit in a line of text (a paragraph cannot hold a div).
    <Chip
      size="small"
      component="span"
      className={classes.chip}
      label={STATE_LABELS[props.state]}
    />
  );
}
