import { RunbookEntry } from '@internal/backstage-plugin-reliability-common';

/**
 * What the learning area reads from the runbooks area: the runbook index (titles and kinds of indexed runbooks
 * and postmortems), keyed by `entityRefKey`.
 */
export interface LearningRunbookIndex {
  getRunbooks(entityRefs: string[]): Promise<Map<string, RunbookEntry[]>>;
}
