import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
  WarningPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  catalogApiRef,
  humanizeEntityRef,
} from '@backstage/plugin-catalog-react';
import { entityRefKey } from '@internal/backstage-plugin-reliability-common';
import FormControl from '@material-ui/core/FormControl';
import Grid from '@material-ui/core/Grid';
import InputLabel from '@material-ui/core/InputLabel';
import ListSubheader from '@material-ui/core/ListSubheader';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import useAsync from 'react-use/esm/useAsync';
import { LearningPathCard } from '../../learning';
import { TourView } from './TourView';
import { useEntityQueryParam } from './useEntityQueryParam';

const useStyles = makeStyles(theme => ({
  label: { color: theme.palette.text.primary },
}));

interface TourChoice {
  ref: string;
  kind: string;
  label: string;
}

/** The normalised ref a `?entity=` value names (`system:shop` or `System:default/Shop`), if it parses. */
function normalise(value: string | undefined): string | undefined {
  if (!value) {
    return undefined;
  }
  try {
    return entityRefKey(value);
  } catch {
    return undefined;
  }
}

/**
 * The "Architecture tour" tab: the map and reading path of a domain or system. Opens on the `?entity=` of the
 * address (deep link) or else on the first domain (the first system when there are no domains), so a new hire
 * sees a map straight away; picking another one updates the address.
 */
export function ArchitectureTourTab() {
  const classes = useStyles();
  const catalogApi = useApi(catalogApiRef);
  const [requested, setRequested] = useEntityQueryParam();

  const choices = useAsync(async (): Promise<TourChoice[]> => {
    const { items } = await catalogApi.getEntities({
      filter: [{ kind: 'domain' }, { kind: 'system' }],
      fields: ['kind', 'metadata.name', 'metadata.namespace', 'metadata.title'],
      order: { field: 'metadata.name', order: 'asc' },
    });
    return items.map(entity => ({
      ref: entityRefKey(entity),
      kind: entity.kind.toLowerCase(),
      label:
        entity.metadata.title ??
        humanizeEntityRef(entity, { defaultKind: entity.kind }),
    }));
  }, [catalogApi]);

  if (choices.loading) {
    return <Progress />;
  }
  if (choices.error) {
    return (
      <ResponseErrorPanel
        title="Domains and systems could not be loaded"
        error={choices.error}
      />
    );
  }
  const options = choices.value ?? [];
  if (options.length === 0) {
    return (
      <EmptyState
        missing="content"
        title="No domains or systems in the catalog"
        description="Group components into System entities (and systems into Domains) to get an architecture tour."
      />
    );
  }
  const domains = options.filter(o => o.kind === 'domain');
  const systems = options.filter(o => o.kind === 'system');
  const wanted = normalise(requested);
  const match = options.find(o => o.ref === wanted);
  const selected = match ?? domains[0] ?? systems[0];

  return (
    <Grid container spacing={2}>
      <Grid item xs={12} md={4}>
        <FormControl fullWidth size="small" variant="outlined">
          {/* Primary text: the field sits on the page's background, where the secondary grey is 4.47:1 (axe). */}
          <InputLabel id="tour-root-label" className={classes.label}>
            Domain or system
          </InputLabel>
          <Select
            labelId="tour-root-label"
            id="tour-root"
            label="Domain or system"
            value={selected.ref}
            onChange={event => setRequested(event.target.value as string)}
          >
            {domains.length > 0 && <ListSubheader>Domains</ListSubheader>}
            {domains.map(o => (
              <MenuItem key={o.ref} value={o.ref}>
                {o.label}
              </MenuItem>
            ))}
            {systems.length > 0 && <ListSubheader>Systems</ListSubheader>}
            {systems.map(o => (
              <MenuItem key={o.ref} value={o.ref}>
                {o.label}
              </MenuItem>
            ))}
          </Select>
        </FormControl>
      </Grid>
      <Grid item xs={12} md={8}>
        <Typography variant="body2">
          How the parts of a domain or system fit together, how reliable each
          one is right now, and where a new hire should start reading.
        </Typography>
      </Grid>
      {requested && !match && (
        <Grid item xs={12}>
          <WarningPanel
            severity="info"
            title={`No domain or system "${requested}" in the catalog; showing ${selected.label}.`}
          />
        </Grid>
      )}
      <Grid item xs={12}>
        <TourView key={selected.ref} entityRef={selected.ref} />
      </Grid>
      <Grid item xs={12}>
        {/* The signed-in user's team learning paths (left out when their teams have none). */}
        <LearningPathCard hideWhenEmpty />
      </Grid>
    </Grid>
  );
}
