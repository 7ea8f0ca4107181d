import { parseEntityRef } from '@backstage/catalog-model';
import { useRouteRef } from '@backstage/core-plugin-api';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { LearningItem } from '@internal/backstage-plugin-reliability-common';
import { useReliabilityPagePath } from '../../hooks';
import { RUNBOOKS_TAB_PATH } from '../runbooks/useRunbookLinks';

/** The tour's query parameters (kept here as plain strings so this module does not import the tour's components). */
const TOUR_PATH = 'tour';

/**
 * Where each kind of learning item opens: a runbook or postmortem on its entity's Runbooks tab
 * (`?runbook=<id>`) unless the index gives its own URL, a journey on the architecture tour of the System or
 * Domain declaring it (`?entity=…&journey=…`), an on-call shift on the entity's page, a link at its URL.
 */
export function useLearningItemLink(): (item: LearningItem) => string | null {
  const entityRoute = useRouteRef(entityRouteRef);
  const root = useReliabilityPagePath();
  const entityPath = (ref: string) => {
    const { kind, namespace, name } = parseEntityRef(ref);
    return entityRoute({ kind, namespace, name });
  };
  return (item: LearningItem) => {
    if (item.url) return item.url;
    if (!item.entityRef) return null;
    switch (item.kind) {
      case 'runbook':
      case 'postmortem':
        return `${entityPath(
          item.entityRef,
        )}/${RUNBOOKS_TAB_PATH}?runbook=${encodeURIComponent(
          item.runbookId ?? '',
        )}`;
      case 'journey':
        if (!root) return entityPath(item.entityRef);
        return `${root}/${TOUR_PATH}?${new URLSearchParams({
          entity: item.entityRef,
          journey: item.journey ?? '',
        })}`;
      default:
        return entityPath(item.entityRef);
    }
  };
}
