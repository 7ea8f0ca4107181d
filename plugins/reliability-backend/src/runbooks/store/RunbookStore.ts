import {
  RunbookEntry,
  RunbookSummary,
} from '@internal/backstage-plugin-reliability-common';

/** What the indexing task records for one entity. */
export interface IndexedEntityRunbooks {
  entityRef: string;
  runbooks: RunbookEntry[];
  alertCount: number;
  alertsWithRunbook: number;
  /** Why coverage could not be computed (it is then stored as null). */
  coverageError: string | null;
  indexedAt: Date;
}

/** Persistence of the runbook index (`runbooks_index`) and per-entity summaries (`runbooks_latest`). */
export interface RunbookStore {
  /**
   * Replaces everything recorded for each of the entities (their runbook rows and summary), in one transaction
   * and a number of queries that grows with the chunks of rows, not with the entities. Entities not given keep
   * their rows.
   */
  replaceEntities(entities: IndexedEntityRunbooks[]): Promise<void>;
  /** Deletes the rows of every entity not in `keep`; returns how many entities were removed. */
  removeEntitiesNotIn(keep: string[]): Promise<number>;
  /** Summaries of the given entities, in a constant number of queries (one per 500 refs). */
  getSummaries(entityRefs: string[]): Promise<Map<string, RunbookSummary>>;
  /** The indexed runbooks of one entity, in id order. */
  listRunbooks(entityRef: string): Promise<RunbookEntry[]>;
  /** The indexed runbooks of many entities (absent: none indexed), in id order, one query per 500 refs. */
  listRunbooksOf(entityRefs: string[]): Promise<Map<string, RunbookEntry[]>>;
  /**
   * One page of the stale runbooks of every entity, ordered by entity ref and runbook id, starting after
   * `after` (keyset paging: one query per page).
   */
  listStaleRunbooks(options: {
    after?: StaleRunbookKey;
    limit: number;
  }): Promise<StaleRunbook[]>;
}

/** Where a page of {@link RunbookStore.listStaleRunbooks} starts (the last runbook of the previous page). */
export interface StaleRunbookKey {
  entityRef: string;
  runbookId: string;
}

/** A stale runbook and the entity it belongs to. */
export interface StaleRunbook {
  entityRef: string;
  runbook: RunbookEntry;
}
