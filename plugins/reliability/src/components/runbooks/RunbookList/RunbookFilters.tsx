import {
  RUNBOOK_KINDS,
  RunbookKind,
} from '@internal/backstage-plugin-reliability-common';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import InputAdornment from '@material-ui/core/InputAdornment';
import TextField from '@material-ui/core/TextField';
import SearchIcon from '@material-ui/icons/Search';
import { RUNBOOK_KIND_LABELS } from '../runbookFormat';

/** Search box (title, answers and body) and kind chips; no chip selected means every kind. */
export function RunbookFilters(props: {
  query: string;
  onQueryChange: (query: string) => void;
  kinds: RunbookKind[];
  onKindsChange: (kinds: RunbookKind[]) => void;
  counts: Record<RunbookKind, number>;
}) {
  const { query, onQueryChange, kinds, onKindsChange, counts } = props;
  const toggle = (kind: RunbookKind) =>
    onKindsChange(
      kinds.includes(kind) ? kinds.filter(k => k !== kind) : [...kinds, kind],
    );
  return (
    <Box mb={1}>
      <TextField
        fullWidth
        size="small"
        variant="outlined"
        placeholder="Search runbooks, alerts, steps…"
        value={query}
        onChange={e => onQueryChange(e.target.value.slice(0, 200))}
        inputProps={{ 'aria-label': 'Search runbooks', maxLength: 200 }}
        InputProps={{
          startAdornment: (
            <InputAdornment position="start">
              <SearchIcon fontSize="small" />
            </InputAdornment>
          ),
        }}
      />
      <Box mt={1} display="flex" flexWrap="wrap" style={{ gap: 4 }}>
        {RUNBOOK_KINDS.map(kind => (
          <Chip
            key={kind}
            size="small"
            label={`${RUNBOOK_KIND_LABELS[kind]} (${counts[kind]})`}
            color={kinds.includes(kind) ? 'primary' : 'default'}
            variant={kinds.includes(kind) ? 'default' : 'outlined'}
            onClick={() => toggle(kind)}
            aria-pressed={kinds.includes(kind)}
          />
        ))}
      </Box>
    </Box>
  );
}

/** Number of runbooks of each kind. */
export function countKinds(
  runbooks: Array<{ kind: RunbookKind }>,
): Record<RunbookKind, number> {
  const counts = { runbook: 0, rollback: 0, postmortem: 0, premortem: 0 };
  for (const runbook of runbooks) counts[runbook.kind]++;
  return counts;
}
