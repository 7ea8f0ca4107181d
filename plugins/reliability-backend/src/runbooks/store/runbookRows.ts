import { IndexedEntityRunbooks } from './RunbookStore';

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
