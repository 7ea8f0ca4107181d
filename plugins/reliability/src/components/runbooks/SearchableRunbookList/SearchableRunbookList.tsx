import {
  RunbookEntry,
  RunbookKind,
} from '@internal/backstage-plugin-reliability-common';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import { countKinds, RunbookFilters, RunbookList } from '../RunbookList';

/**
 * Search box and kind chips over the entity's runbooks, a progress bar while the server search runs,
 * then the visible runbooks (or a "no match" note). Item behaviour (links or selection) is RunbookList's.
 */
export function SearchableRunbookList(props: {
  query: string;
  onQueryChange: (query: string) => void;
  kinds: RunbookKind[];
  onKindsChange: (kinds: RunbookKind[]) => void;
  /** All runbooks returned by the search, counted per kind for the chips. */
  runbooks: RunbookEntry[];
  /** The runbooks left after the kind filter. */
  visible: RunbookEntry[];
  /** The query the server answered (shown in the "no match" note). */
  searchedQuery: string | null;
  searching: boolean;
  staleAfterDays: number;
  selectedId?: string;
  onSelect?: (id: string) => void;
  linkFor?: (entry: RunbookEntry) => string | null;
}) {
  const {
    query,
    onQueryChange,
    kinds,
    onKindsChange,
    runbooks,
    visible,
    searchedQuery,
    searching,
    staleAfterDays,
    selectedId,
    onSelect,
    linkFor,
  } = props;
  return (
    <>
      <RunbookFilters
        query={query}
        onQueryChange={onQueryChange}
        kinds={kinds}
        onKindsChange={onKindsChange}
        counts={countKinds(runbooks)}
      />
      {searching && <LinearProgress aria-label="Searching" />}
      {visible.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          No runbooks match{searchedQuery ? ` “${searchedQuery}”` : ''}.
        </Typography>
      ) : (
        <RunbookList
          runbooks={visible}
          staleAfterDays={staleAfterDays}
          selectedId={selectedId}
          onSelect={onSelect}
          linkFor={linkFor}
        />
      )}
    </>
  );
}
