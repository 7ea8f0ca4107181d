import { parseEntityRef } from '@backstage/catalog-model';
import {
  LearningItem,
  RunbookEntry,
} from '@internal/backstage-plugin-reliability-common';
import { LearningItemDefinition } from './parseLearningPath';

function entityName(ref: string | null): string {
  if (!ref) return 'the team';
  try {
    return parseEntityRef(ref).name;
  } catch {
    return ref;
  }
}

function defaultTitle(item: LearningItemDefinition): string {
  switch (item.kind) {
    case 'runbook':
      return `Read the runbook '${item.runbookId}' of ${entityName(
        item.entityRef,
      )}`;
    case 'postmortem':
      return `Review the postmortem '${item.runbookId}' of ${entityName(
        item.entityRef,
      )}`;
    case 'journey':
      return `Walk the journey '${item.journey}' of ${entityName(
        item.entityRef,
      )}`;
    case 'shadow-oncall':
      return `Shadow an on-call shift of ${entityName(item.entityRef)}`;
    default:
      return item.url ?? item.id;
  }
}

/**
 * Items of a path as the API lists them: runbook and postmortem items are looked up in the runbook index (their
 * title and where a linked runbook opens; a problem when the id is not indexed or is not a postmortem), other
 * items get a title that says what to do when the file gives none. `doneAt` comes from the user's progress.
 */
export function resolveItems(
  items: LearningItemDefinition[],
  runbooks: Map<string, RunbookEntry[]>,
  doneAt: Map<string, string>,
): LearningItem[] {
  return items.map(item => {
    let title = item.title;
    let url = item.url;
    let problem: string | null = null;
    if (
      (item.kind === 'runbook' || item.kind === 'postmortem') &&
      item.entityRef
    ) {
      const entry = (runbooks.get(item.entityRef) ?? []).find(
        runbook => runbook.id === item.runbookId,
      );
      if (!entry) {
        problem = `'${item.runbookId}' is not in the runbook index of ${item.entityRef}`;
      } else {
        title = title ?? entry.title;
        url = entry.url;
        if (item.kind === 'postmortem' && entry.kind !== 'postmortem') {
          problem = `'${item.runbookId}' of ${item.entityRef} is a ${entry.kind}, not a postmortem`;
        }
      }
    }
    return {
      id: item.id,
      kind: item.kind,
      title: title ?? defaultTitle(item),
      why: item.why,
      entityRef: item.entityRef,
      runbookId: item.runbookId,
      journey: item.journey,
      url,
      problem,
      doneAt: doneAt.get(item.id) ?? null,
    };
  });
}
