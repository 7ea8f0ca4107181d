import { resolveRunbookReference } from '@internal/backstage-plugin-reliability-common';
import { useCallback, useMemo } from 'react';
import { useEntityReliability } from '../../hooks';
import { useRunbookLinks } from './useRunbookLinks';

/** A `runbook` reference (runbook id or URL) resolved for display. */
export interface ResolvedRunbookLink {
  /** Where it opens: the Runbooks tab for the entity's Markdown runbooks, else its URL; null when unusable. */
  href: string | null;
  /** The runbook's title when it is one of the entity's runbooks. */
  title: string | null;
  problem: string | null;
}

/**
 * Resolves `runbook` references (escalation levels, ...) against the current entity's runbooks with the
 * runbooks feature's `resolveRunbookReference`. The runbooks are only fetched when `enabled`; until they
 * load (or when they fail to) only URL references resolve.
 */
export function useRunbookReferences(enabled: boolean): {
  loading: boolean;
  resolve: (reference: string) => ResolvedRunbookLink;
} {
  const { linkFor } = useRunbookLinks();
  const { value, loading, error } = useEntityReliability(
    async (api, entityRef) =>
      enabled ? (await api.getEntityRunbooks(entityRef)).runbooks : [],
    [enabled],
  );
  const runbooks = useMemo(() => value ?? [], [value]);
  const resolve = useCallback(
    (reference: string): ResolvedRunbookLink => {
      const resolved = resolveRunbookReference(reference, runbooks);
      if (resolved.runbook) {
        return {
          href: linkFor(resolved.runbook),
          title: resolved.runbook.title,
          problem: null,
        };
      }
      if (!resolved.url && !value) {
        // An id, but the runbooks are not known (yet): say nothing wrong until they are.
        return {
          href: null,
          title: null,
          problem: error ? "could not load the entity's runbooks" : null,
        };
      }
      return { href: resolved.url, title: null, problem: resolved.problem };
    },
    [runbooks, linkFor, value, error],
  );
  return { loading, resolve };
}
