import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import { ReliabilityState } from '@internal/backstage-plugin-reliability-common';
import { GlossaryTerm } from '../GlossaryTab';
import { STATE_COLOURS, STATE_LABELS } from '../ReliabilityStateChip';

const STATES: ReliabilityState[] = ['ok', 'at-risk', 'breaching', 'unknown'];

const useStyles = makeStyles(theme => ({
  legend: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(2),
    margin: 0,
    padding: 0,
    listStyle: 'none',
  },
  item: { display: 'flex', alignItems: 'center', gap: theme.spacing(0.75) },
  swatch: {
    display: 'inline-block',
    width: 14,
    height: 14,
    borderRadius: 3,
  },
  external: {
    display: 'inline-block',
    width: 14,
    height: 14,
    borderRadius: 3,
    border: `1px dashed ${theme.palette.text.secondary}`,
    opacity: 0.7,
  },
}));

/** What the colours (and dashed borders) of the architecture map mean. */
export function TourLegend() {
  const classes = useStyles();
  return (
    <ul className={classes.legend} aria-label="Map legend">
      {STATES.map(state => (
        <li key={state} className={classes.item}>
          <span
            className={classes.swatch}
            style={{ backgroundColor: STATE_COLOURS[state] }}
          />
          <Typography variant="caption">{STATE_LABELS[state]}</Typography>
        </li>
      ))}
      <li className={classes.item}>
        <span className={classes.external} />
        <Typography variant="caption">Outside this scope</Typography>
      </li>
      <li className={classes.item}>
        <Typography variant="caption" color="textSecondary">
          Colour: the{' '}
          <GlossaryTerm term="reliability-state">
            reliability state
          </GlossaryTerm>
          . Arrows point to what a part depends on or the API it provides or
          uses; ×N joins N relations between two systems. Click the map to zoom.
        </Typography>
      </li>
    </ul>
  );
}
