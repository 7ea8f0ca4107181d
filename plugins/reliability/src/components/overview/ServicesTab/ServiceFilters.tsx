import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import Chip from '@material-ui/core/Chip';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import InputLabel from '@material-ui/core/InputLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import TextField from '@material-ui/core/TextField';
import { makeStyles } from '@material-ui/core/styles';
import ArrowDownwardIcon from '@material-ui/icons/ArrowDownward';
import ArrowUpwardIcon from '@material-ui/icons/ArrowUpward';
import {
  OVERVIEW_SORT_FIELDS,
  OverviewQuery,
  OverviewSortField,
  policyStateLabel,
} from '@internal/backstage-plugin-reliability-common';
import { formatLevel } from '../../checklist/maturityFormat';
import { formatRef } from '../overviewFormat';
import { ServiceFilterOptions } from './useServiceFilterOptions';

/** The filter and sort part of an overview query. */
export type ServiceFilterValues = Omit<OverviewQuery, 'limit' | 'cursor'>;

/** Labels of the sort fields. */
export const SORT_LABELS: Record<OverviewSortField, string> = {
  name: 'Name',
  owner: 'Owner',
  system: 'System',
  tier: 'Tier',
};

const useStyles = makeStyles(theme => ({
  // On a paper surface, not the page background: the fields' grey labels reach WCAG AA contrast only there.
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(1.5),
    marginBottom: theme.spacing(2),
    padding: theme.spacing(1.5),
    backgroundColor: theme.palette.background.paper,
    borderRadius: theme.shape.borderRadius,
  },
  search: { flex: '1 1 220px', maxWidth: 320 },
  export: { marginLeft: 'auto' },
}));

function FilterSelect(props: {
  id: string;
  label: string;
  value: string | undefined;
  options: string[];
  width: number;
  format?: (value: string) => string;
  /** Offer an "All" choice that clears the filter (not for the sort field). */
  allowAll?: boolean;
  onChange: (value: string | undefined) => void;
}) {
  const {
    id,
    label,
    value,
    options,
    width,
    format = v => v,
    allowAll = true,
    onChange,
  } = props;
  return (
    <FormControl size="small" variant="outlined" style={{ width }}>
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
        {allowAll && (
          <MenuItem value="">
            <em>All</em>
          </MenuItem>
        )}
        {options.map(option => (
          <MenuItem key={option} value={option}>
            {format(option)}
          </MenuItem>
        ))}
      </Select>
    </FormControl>
  );
}

/**
 * Filter selects (team, system, domain, tier, level, campaign with "not done yet"), free-text search and sort of the services table; the
 * policy state filter (set by clicking a state in the Policy column) shows as a chip that clears it.
 */
export function ServiceFilters(props: {
  values: ServiceFilterValues;
  options: ServiceFilterOptions | undefined;
  onChange: (values: ServiceFilterValues) => void;
  onExport: () => void;
  exporting: boolean;
}) {
  const { values, options, onChange, onExport, exporting } = props;
  const classes = useStyles();
  const set = (key: keyof ServiceFilterValues) => (value: string | undefined) =>
    onChange({ ...values, [key]: value });
  const descending = values.order === 'desc';
  return (
    <Box className={classes.bar}>
      <TextField
        id="overview-search"
        className={classes.search}
        size="small"
        variant="outlined"
        label="Search services"
        value={values.q ?? ''}
        inputProps={{ maxLength: 100 }}
        onChange={event => set('q')(event.target.value || undefined)}
      />
      <FilterSelect
        id="overview-team"
        label="Team"
        width={190}
        value={values.team}
        options={options?.teams ?? []}
        format={ref => formatRef(ref, 'group')}
        onChange={set('team')}
      />
      <FilterSelect
        id="overview-system"
        label="System"
        width={170}
        value={values.system}
        options={options?.systems ?? []}
        format={ref => formatRef(ref, 'system')}
        onChange={set('system')}
      />
      <FilterSelect
        id="overview-domain"
        label="Domain"
        width={150}
        value={values.domain}
        options={options?.domains ?? []}
        format={ref => formatRef(ref, 'domain')}
        onChange={set('domain')}
      />
      <FilterSelect
        id="overview-tier"
        label="Tier"
        width={110}
        value={values.tier}
        options={options?.tiers ?? []}
        onChange={set('tier')}
      />
      {options && options.levels.length > 0 && (
        <FilterSelect
          id="overview-level"
          label="Maturity"
          width={130}
          value={values.level}
          options={options.levels}
          format={formatLevel}
          onChange={level =>
            // The maturity level index cannot be combined with the policy state or campaign filters.
            onChange({
              ...values,
              level,
              policy: level ? undefined : values.policy,
              campaign: level ? undefined : values.campaign,
              campaignOpen: level ? undefined : values.campaignOpen,
            })
          }
        />
      )}
      {options && options.campaigns.length > 0 && (
        <FilterSelect
          id="overview-campaign"
          label="Campaign"
          width={200}
          value={values.campaign}
          options={options.campaigns.map(c => c.id)}
          format={id => options.campaigns.find(c => c.id === id)?.name ?? id}
          onChange={campaign =>
            // The campaign filter cannot be combined with the level or policy state filters.
            onChange({
              ...values,
              campaign,
              campaignOpen: campaign ? values.campaignOpen : undefined,
              level: campaign ? undefined : values.level,
              policy: campaign ? undefined : values.policy,
            })
          }
        />
      )}
      {values.campaign && (
        <FormControlLabel
          control={
            <Checkbox
              size="small"
              color="primary"
              checked={values.campaignOpen === true}
              onChange={event =>
                onChange({
                  ...values,
                  campaignOpen: event.target.checked || undefined,
                })
              }
            />
          }
          label="Not done yet"
        />
      )}
      {values.policy && (
        <Chip
          label={`Policy: ${policyStateLabel(values.policy)}`}
          color="primary"
          onDelete={() => set('policy')(undefined)}
          aria-label={`Policy state filter ${policyStateLabel(values.policy)}`}
        />
      )}
      <FilterSelect
        id="overview-sort"
        label="Sort by"
        width={130}
        allowAll={false}
        value={values.sort ?? 'name'}
        options={[...OVERVIEW_SORT_FIELDS]}
        format={field => SORT_LABELS[field as OverviewSortField] ?? field}
        onChange={value =>
          onChange({ ...values, sort: value as OverviewSortField })
        }
      />
      <Button
        size="small"
        aria-label={`Sort order: ${
          descending ? 'descending' : 'ascending'
        } (click to reverse)`}
        startIcon={descending ? <ArrowDownwardIcon /> : <ArrowUpwardIcon />}
        onClick={() =>
          onChange({ ...values, order: descending ? 'asc' : 'desc' })
        }
      >
        {descending ? 'Descending' : 'Ascending'}
      </Button>
      <Button
        className={classes.export}
        variant="outlined"
        color="primary"
        size="small"
        disabled={exporting}
        onClick={onExport}
      >
        {exporting ? 'Exporting…' : 'Export CSV'}
      </Button>
    </Box>
  );
}
