import Button from '@material-ui/core/Button';
import FormControl from '@material-ui/core/FormControl';
import Grid from '@material-ui/core/Grid';
import InputLabel from '@material-ui/core/InputLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import TextField from '@material-ui/core/TextField';
import {
  OVERVIEW_SORT_FIELDS,
  OverviewQuery,
} from '@internal/backstage-plugin-reliability-common';
import { formatRef } from '../overviewFormat';
import { ServiceFilterOptions } from './useServiceFilterOptions';

/** The filter and sort part of an overview query. */
export type ServiceFilterValues = Omit<OverviewQuery, 'limit' | 'cursor'>;

function FilterSelect(props: {
  id: string;
  label: string;
  value: string | undefined;
  options: string[];
  format?: (value: string) => string;
  onChange: (value: string | undefined) => void;
}) {
  const { id, label, value, options, format = v => v, onChange } = props;
  return (
    <FormControl fullWidth size="small" variant="outlined">
      <InputLabel id={`${id}-label`}>{label}</InputLabel>
      <Select
        labelId={`${id}-label`}
        id={id}
        label={label}
        value={value ?? ''}
        onChange={event =>
          onChange((event.target.value as string) || undefined)
        }
      >
        <MenuItem value="">
          <em>All</em>
        </MenuItem>
        {options.map(option => (
          <MenuItem key={option} value={option}>
            {format(option)}
          </MenuItem>
        ))}
      </Select>
    </FormControl>
  );
}

/** Filter selects (team, system, domain, tier, level), free-text search and sort of the services table. */
export function ServiceFilters(props: {
  values: ServiceFilterValues;
  options: ServiceFilterOptions | undefined;
  onChange: (values: ServiceFilterValues) => void;
  onExport: () => void;
  exporting: boolean;
}) {
  const { values, options, onChange, onExport, exporting } = props;
  const set = (key: keyof ServiceFilterValues) => (value: string | undefined) =>
    onChange({ ...values, [key]: value });
  return (
    <Grid container spacing={2} alignItems="center">
      <Grid item xs={12} md={3}>
        <TextField
          fullWidth
          size="small"
          variant="outlined"
          label="Search services"
          value={values.q ?? ''}
          inputProps={{ maxLength: 100 }}
          onChange={event => set('q')(event.target.value || undefined)}
        />
      </Grid>
      <Grid item xs={6} md={2}>
        <FilterSelect
          id="overview-team"
          label="Team"
          value={values.team}
          options={options?.teams ?? []}
          format={ref => formatRef(ref, 'group')}
          onChange={set('team')}
        />
      </Grid>
      <Grid item xs={6} md={2}>
        <FilterSelect
          id="overview-system"
          label="System"
          value={values.system}
          options={options?.systems ?? []}
          format={ref => formatRef(ref, 'system')}
          onChange={set('system')}
        />
      </Grid>
      <Grid item xs={6} md={1}>
        <FilterSelect
          id="overview-domain"
          label="Domain"
          value={values.domain}
          options={options?.domains ?? []}
          format={ref => formatRef(ref, 'domain')}
          onChange={set('domain')}
        />
      </Grid>
      <Grid item xs={6} md={1}>
        <FilterSelect
          id="overview-tier"
          label="Tier"
          value={values.tier}
          options={options?.tiers ?? []}
          onChange={set('tier')}
        />
      </Grid>
      {options && options.levels.length > 0 && (
        <Grid item xs={6} md={1}>
          <FilterSelect
            id="overview-level"
            label="Level"
            value={values.level}
            options={options.levels}
            onChange={set('level')}
          />
        </Grid>
      )}
      <Grid item xs={6} md={1}>
        <FilterSelect
          id="overview-sort"
          label="Sort by"
          value={values.sort}
          options={[...OVERVIEW_SORT_FIELDS]}
          onChange={value =>
            onChange({ ...values, sort: value as ServiceFilterValues['sort'] })
          }
        />
      </Grid>
      <Grid item xs={6} md={1}>
        <Button
          size="small"
          onClick={() =>
            onChange({
              ...values,
              order: values.order === 'desc' ? 'asc' : 'desc',
            })
          }
        >
          {values.order === 'desc' ? 'Descending' : 'Ascending'}
        </Button>
      </Grid>
      <Grid item xs={12} md="auto">
        <Button
          variant="outlined"
          color="primary"
          size="small"
          disabled={exporting}
          onClick={onExport}
        >
          {exporting ? 'Exporting…' : 'Export CSV'}
        </Button>
      </Grid>
    </Grid>
  );
}
