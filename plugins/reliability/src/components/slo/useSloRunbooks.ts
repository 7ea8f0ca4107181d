import {
  LinkedRunbook,
  linkSloRunbooks,
  RunbookEntry,
  SloDefinition,
  SloRunbookLinks,
} from '@internal/backstage-plugin-reliability-common';
import { useCallback, useMemo } from 'react';
import { useEntityReliability } from '../../hooks';
import { useRunbookLinks } from '../runbooks/useRunbookLinks';

/** The runbooks answering the current entity's SLOs and their alert policies. */
export interface SloRunbooks {
  loading: boolean;
  /** Set when the entity's runbooks could not be loaded: only URL references are linked then. */
  error?: Error;
  /** Runbooks of an SLO and of each of its alert policies (undefined while loading). */
  linksFor(slo: SloDefinition): SloRunbookLinks | undefined;
  /** Where a linked runbook opens: the Runbooks tab for the entity's Markdown runbooks, else its URL. */
  hrefFor(runbook: LinkedRunbook): string | null;
}

/**
 * Loads the current entity's runbooks and links them to SLOs and alert policies with the matching the
 * runbooks feature uses for its coverage (`linkSloRunbooks` of the common package).
 */
export function useSloRunbooks(): SloRunbooks {
  const { linkFor } = useRunbookLinks();
  const { value, loading, error } = useEntityReliability((api, entityRef) =>
    api.getEntityRunbooks(entityRef),
  );
  const runbooks = useMemo<RunbookEntry[] | undefined>(
    () => (error ? [] : value?.runbooks),
    [error, value],
  );

  const linksFor = useCallback(
    (slo: SloDefinition) =>
      runbooks ? linkSloRunbooks(slo, runbooks) : undefined,
    [runbooks],
  );
  const hrefFor = useCallback(
    (runbook: LinkedRunbook) => {
      const entry = runbook.id
        ? runbooks?.find(r => r.id === runbook.id)
        : undefined;
      return entry ? linkFor(entry) : runbook.url;
    },
    [runbooks, linkFor],
  );
  return { loading, error, linksFor, hrefFor };
}
