import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
  WarningPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  catalogApiRef,
  humanizeEntityRef,
} from '@backstage/plugin-catalog-react';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import FormControl from '@material-ui/core/FormControl';
import Grid from '@material-ui/core/Grid';
import InputLabel from '@material-ui/core/InputLabel';
import ListSubheader from '@material-ui/core/ListSubheader';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { reliabilityApiRef } from '../../../api';
import { ReadingPath } from './ReadingPath';
import { TourMap } from './TourMap';

/** The "Architecture tour" tab: pick a domain or system, see its map and the reading path for new hires. */
export function ArchitectureTourTab() {
  const catalogApi = useApi(catalogApiRef);
  const reliabilityApi = useApi(reliabilityApiRef);
  const [selected, setSelected] = useState<string>('');

  const choices = useAsync(async () => {
    const { items } = await catalogApi.getEntities({
      filter: [{ kind: 'domain' }, { kind: 'system' }],
      fields: ['kind', 'metadata.name', 'metadata.namespace', 'metadata.title'],
      order: { field: 'metadata.name', order: 'asc' },
    });
    return items.map(entity => ({
      ref: stringifyEntityRef(entity).toLocaleLowerCase('en-US'),
      kind: entity.kind.toLocaleLowerCase('en-US'),
      label:
        entity.metadata.title ??
        humanizeEntityRef(entity, { defaultKind: entity.kind }),
    }));
  }, [catalogApi]);

  const tour = useAsync(async () => {
    if (!selected) {
      return undefined;
    }
    const ref = parseEntityRef(selected);
    return ref.kind === 'domain'
      ? reliabilityApi.getDomainTour(ref)
      : reliabilityApi.getSystemTour(ref);
  }, [reliabilityApi, selected]);

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

  return (
    <Grid container spacing={2}>
      <Grid item xs={12} md={4}>
        <FormControl fullWidth size="small" variant="outlined">
          <InputLabel id="tour-root-label">Domain or system</InputLabel>
          <Select
            labelId="tour-root-label"
            id="tour-root"
            label="Domain or system"
            value={selected}
            onChange={event => setSelected(event.target.value as string)}
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
      <Grid item xs={12}>
        {!selected && (
          <Typography variant="body2" color="textSecondary">
            Pick a domain or a system to see how its parts fit together, how
            reliable each one is, and where to start reading.
          </Typography>
        )}
        {tour.loading && <Progress />}
        {tour.error && (
          <ResponseErrorPanel
            title="The tour could not be loaded"
            error={tour.error}
          />
        )}
        {tour.value && (
          <Grid container spacing={2}>
            <Grid item xs={12}>
              <Typography variant="h6">{tour.value.root.title}</Typography>
              {tour.value.root.description && (
                <Typography variant="body2">
                  {tour.value.root.description}
                </Typography>
              )}
              {tour.value.truncated && (
                <WarningPanel
                  severity="info"
                  title="Large scope: only part of it is drawn"
                />
              )}
            </Grid>
            <Grid item xs={12} lg={8}>
              {tour.value.nodes.length <= 1 ? (
                <EmptyState
                  missing="content"
                  title="Nothing to draw yet"
                  description="This entity has no parts in the catalog."
                />
              ) : (
                <TourMap tour={tour.value} />
              )}
            </Grid>
            <Grid item xs={12} lg={4}>
              <ReadingPath steps={tour.value.readingPath} />
            </Grid>
          </Grid>
        )}
      </Grid>
    </Grid>
  );
}
