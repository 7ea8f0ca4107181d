import { chunk } from '../../shared/chunk';
import { IndexedEntityRunbooks } from './RunbookStore';

/**
 * Values one statement may bind: the lowest limit of the supported databases (SQLite builds before 3.32 allow 999;
 * PostgreSQL 65,535). With at least 2 columns a chunk also stays under SQLite's 500-term compound select, which
 * knex uses for multi-row inserts there.
 */
const BOUND_VALUES_PER_STATEMENT = 999;

/** Splits rows (all with the same columns) into chunks one multi-row insert can bind. */
export function insertChunks<T extends object>(rows: T[]): T[][] {
  if (rows.length === 0) return [];
  const columns = Object.keys(rows[0]).length;
  return chunk(rows, Math.floor(BOUND_VALUES_PER_STATEMENT / columns) || 1);
}

/** The `runbooks_index` rows of one entity: one per runbook, title and owner cut to their column size. */
export function indexRows(indexed: IndexedEntityRunbooks) {
  return indexed.runbooks.map(r => ({
    entity_ref: indexed.entityRef,
    runbook_id: r.id,
    title: r.title.slice(0, 255),
    kind: r.kind,
    answers: JSON.stringify(r.answers),
    owner: r.owner?.slice(0, 255) ?? null,
    last_reviewed: r.lastReviewed,
    url: r.url,
    source: r.source,
    location: r.location,
    stale: r.stale,
    error: r.error,
  }));
}

/** The `runbooks_latest` row of one entity; coverage is null when it could not be computed or nothing needs it. */
export function latestRow(indexed: IndexedEntityRunbooks) {
  const { runbooks } = indexed;
  return {
    entity_ref: indexed.entityRef,
    runbook_count: runbooks.length,
    stale_count: runbooks.filter(r => r.stale).length,
    error_count: runbooks.filter(r => r.error !== null).length,
    alert_count: indexed.alertCount,
    alerts_with_runbook: indexed.alertsWithRunbook,
    coverage:
      indexed.coverageError || indexed.alertCount === 0
        ? null
        : indexed.alertsWithRunbook / indexed.alertCount,
    error: indexed.coverageError,
    updated_at: indexed.indexedAt,
  };
}
