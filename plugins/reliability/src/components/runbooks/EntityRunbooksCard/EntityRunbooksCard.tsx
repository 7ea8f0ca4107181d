import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
  WarningPanel,
} from '@backstage/core-components';
import { ANNOTATIONS } from '@internal/backstage-plugin-reliability-common';
import { useState } from 'react';
import { RunbookCoverageSummary } from '../RunbookList';
import { SearchableRunbookList } from '../SearchableRunbookList';
import { useEntityRunbooks } from '../useEntityRunbooks';
import { useKindFilter } from '../useKindFilter';
import { useRunbookLinks } from '../useRunbookLinks';

/**
 * Runbooks card of the Reliability tab: coverage of the entity's SLO alerts, a search box and kind chips,
 * and each runbook with its review state (stale ones flagged) and any read error.
 */
export function EntityRunbooksCard() {
  const [query, setQuery] = useState('');
  const { value, loading, error } = useEntityRunbooks(query);
  const { kinds, setKinds, visible } = useKindFilter(value?.runbooks);
  const { tabLink, linkFor } = useRunbookLinks();

  const content = () => {
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
          description={`Add Markdown runbooks with the ${ANNOTATIONS.runbooks} annotation (files or directories next to catalog-info.yaml), or metadata.links entries with type: runbook.`}
        />
      );
    }
    return (
      <>
        <RunbookCoverageSummary coverage={value.coverage} />
        {value.staleCount > 0 && (
          <WarningPanel
            severity="warning"
            title={`${value.staleCount} of ${value.total} runbooks not reviewed in the last ${value.staleAfterDays} days`}
          />
        )}
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
          linkFor={linkFor}
        />
      </>
    );
  };

  return (
    <InfoCard
      title="Runbooks"
      subheader="Runbooks, rollback procedures and postmortems"
      deepLink={
        value && value.total > 0
          ? { title: 'Open runbooks', link: tabLink }
          : undefined
      }
    >
      {content()}
    </InfoCard>
  );
}
