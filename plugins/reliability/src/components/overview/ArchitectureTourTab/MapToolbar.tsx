import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import {
  ArchitectureTour,
  TourJourney,
} from '@internal/backstage-plugin-reliability-common';
import { expandableSystems } from './collapseTourGraph';

const useStyles = makeStyles(theme => ({
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(1),
    margin: theme.spacing(1, 0),
  },
}));

/**
 * Above the map: which systems are expanded (a chip each, delete to collapse), collapse all, and, with a
 * journey selected, expanding every system its steps pass through.
 */
export function MapToolbar(props: {
  tour: ArchitectureTour;
  expanded: ReadonlySet<string>;
  journey: TourJourney | undefined;
  onChange: (expanded: ReadonlySet<string>) => void;
}) {
  const classes = useStyles();
  const { tour, expanded, journey, onChange } = props;
  const systems = expandableSystems(tour);
  if (systems.length === 0) {
    return null;
  }
  const open = systems.filter(system => expanded.has(system.entityRef));
  const journeySystems = journey
    ? systems
        .map(system => system.entityRef)
        .filter(ref => journey.steps.some(step => step.system === ref))
    : [];
  const collapse = (ref: string) =>
    onChange(new Set([...expanded].filter(r => r !== ref)));
  return (
    <div className={classes.bar} role="toolbar" aria-label="Map systems">
      {open.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          Each system is one node: press Expand on a system to see its services.
        </Typography>
      ) : (
        <>
          <Typography variant="body2">Expanded:</Typography>
          {open.map(system => (
            <Chip
              key={system.entityRef}
              size="small"
              label={system.title ?? system.name}
              onDelete={() => collapse(system.entityRef)}
              aria-label={`Collapse ${system.title ?? system.name}`}
            />
          ))}
          <Button size="small" onClick={() => onChange(new Set())}>
            Collapse all
          </Button>
        </>
      )}
      {journeySystems.some(ref => !expanded.has(ref)) && (
        <Button
          size="small"
          color="primary"
          variant="outlined"
          onClick={() => onChange(new Set([...expanded, ...journeySystems]))}
        >
          Expand the journey's systems
        </Button>
      )}
    </div>
  );
}
