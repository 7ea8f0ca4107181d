import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
  useQueryParamState,
} from '@backstage/core-components';
import { ANNOTATIONS } from '@internal/backstage-plugin-reliability-common';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import { RunbookCoverageSummary } from '../RunbookList';
import { SearchableRunbookList } from '../SearchableRunbookList';
import { useEntityRunbooks } from '../useEntityRunbooks';
import { useKindFilter } from '../useKindFilter';
import { RunbookView } from './RunbookView';

/**
 * The entity's "Runbooks" tab: the searchable list beside the selected runbook, rendered.
 * The selection lives in the URL (`?runbook=<id>`), so a runbook can be linked from alerts and chat.
 */
export function EntityRunbooksContent() {
  const [query, setQuery] = useState('');
  const [selectedParam, setSelected] = useQueryParamState<string>('runbook');
  const { value, loading, error } = useEntityRunbooks(query);
  const { kinds, setKinds, visible } = useKindFilter(value?.runbooks);

  if (error) {
    return <ResponseErrorPanel error={error} />;
  }
  if (!value) {
    return <Progress />;
  }
  if (value.total === 0) {
    return (
      <EmptyState
        missing="content"
        title="No runbooks yet"
        description={`Add Markdown runbooks with the ${ANNOTATIONS.runbooks} annotation, or metadata.links entries with type: runbook.`}
      />
    );
  }

  const requested =
    typeof selectedParam === 'string' ? selectedParam : undefined;
  // A deep-linked runbook stays selected while searching; without one, the first visible runbook is shown.
  const selectedId = requested || visible[0]?.id;

  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={4}>
        <InfoCard title="Runbooks">
          <RunbookCoverageSummary coverage={value.coverage} />
          <SearchableRunbookList
            query={query}
            onQueryChange={setQuery}
            kinds={kinds}
            onKindsChange={setKinds}
            runbooks={value.runbooks}
            visible={visible}
            searchedQuery={value.query}
            searching={loading}
            staleAfterDays={value.staleAfterDays}
            selectedId={selectedId}
            onSelect={setSelected}
          />
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={8}>
        {selectedId ? (
          <RunbookView id={selectedId} staleAfterDays={value.staleAfterDays} />
        ) : (
          <Typography variant="body2" color="textSecondary">
            Select a runbook.
          </Typography>
        )}
      </Grid>
    </Grid>
  );
}
