import { Entity } from '@backstage/catalog-model';
import { RunbookEntry } from '@internal/backstage-plugin-reliability-common';
import { EntityRunbooks, RunbookService } from '../RunbookService';

/**
 * A RunbookService whose `loadFresh` gives the entity's `runbooksOf` (or rejects with what it throws) and
 * no SLO alerts; for the indexing task's tests, which need no sources.
 */
export function stubRunbookService(
  runbooksOf: (entity: Entity) => RunbookEntry[],
): RunbookService {
  const loadFresh = async (entity: Entity): Promise<EntityRunbooks> => ({
    runbooks: runbooksOf(entity).map(entry => ({ entry, body: null })),
    coverage: {
      ratio: null,
      alertCount: 0,
      alertsWithRunbook: 0,
      alerts: [],
      error: null,
    },
  });
  return { loadFresh } as Partial<RunbookService> as RunbookService;
}
