import { useRouteRef } from '@backstage/core-plugin-api';
import {
  entityRouteParams,
  entityRouteRef,
  useEntity,
} from '@backstage/plugin-catalog-react';
import { RunbookEntry } from '@internal/backstage-plugin-reliability-common';
import { useCallback } from 'react';

/** Path of the entity's Runbooks tab (registered at `/runbooks` of the entity page). */
export const RUNBOOKS_TAB_PATH = 'runbooks';

/**
 * Where a runbook opens from the Reliability tab: Markdown runbooks (and broken ones, to see the error) in the
 * Runbooks tab, deep-linked by `?runbook=<id>`; linked runbooks and TechDocs pages at their own URL.
 */
export function useRunbookLinks(): {
  tabLink: string;
  /** The Runbooks tab opened at the runbook (or postmortem, pre-mortem) with this id. */
  idLink: (id: string) => string;
  linkFor: (entry: RunbookEntry) => string | null;
} {
  const { entity } = useEntity();
  const entityRoute = useRouteRef(entityRouteRef);
  const tabLink = `${entityRoute(
    entityRouteParams(entity),
  )}/${RUNBOOKS_TAB_PATH}`;
  const idLink = useCallback(
    (id: string) => `${tabLink}?runbook=${encodeURIComponent(id)}`,
    [tabLink],
  );
  const linkFor = useCallback(
    (entry: RunbookEntry) => {
      if (entry.source !== 'markdown' && entry.url) {
        return entry.url;
      }
      return idLink(entry.id);
    },
    [idLink],
  );
  return { tabLink, idLink, linkFor };
}
