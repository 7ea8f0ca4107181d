import { SloStatus } from '@internal/backstage-plugin-reliability-common';
import {
  EntitySloCollection,
  EntitySloFacts,
  SloDefinitionFacts,
} from './SloStore';

function burnRatesByLabel(status: SloStatus): Record<string, number | null> {
  return Object.fromEntries(status.burnRates.map(w => [w.label, w.burnRate]));
}

/**
 * The `slo_snapshots` row of one collection. A failed collection is recorded as a stale snapshot without
 * numbers, so history shows the gap instead of repeating old data.
 */
export function snapshotRow(
  entityRef: string,
  sloName: string,
  status: SloStatus,
) {
  return {
    entity_ref: entityRef,
    slo_name: sloName,
    collected_at: new Date(status.checkedAt),
    window_start: new Date(status.windowStart),
    window_end: new Date(status.windowEnd),
    good: status.stale ? null : status.good,
    total: status.stale ? null : status.total,
    attainment: status.stale ? null : status.attainment,
    budget_remaining: status.stale ? null : status.budgetRemaining,
    burn_rates: JSON.stringify(status.stale ? {} : burnRatesByLabel(status)),
    alert_state: status.stale ? 'unknown' : status.alertState,
    stale: status.stale,
    error: status.error,
  };
}

/** The `slo_latest` row (newest state) of one SLO; a stale state keeps the last good numbers. */
export function latestRow(
  entityRef: string,
  sloName: string,
  status: SloStatus,
  facts: SloDefinitionFacts,
) {
  return {
    entity_ref: entityRef,
    slo_name: sloName,
    collected_at: new Date(status.collectedAt),
    checked_at: new Date(status.checkedAt),
    attainment: status.attainment,
    budget_remaining: status.budgetRemaining,
    target: status.target,
    alert_state: status.alertState,
    stale: status.stale,
    error: status.error,
    alert_count: facts.alertCount,
    alerts_with_runbook: facts.alertsWithRunbook,
    has_burn_rate_alerts: facts.hasBurnRateAlerts,
    met_last_window: status.lastWindow?.met ?? null,
    status: JSON.stringify(status),
  };
}

/** The `slo_entities` row of an entity's definition facts. */
export function entityRow(entityRef: string, facts: EntitySloFacts, at: Date) {
  return {
    entity_ref: entityRef,
    slo_count: facts.sloNames.length,
    definition_errors: facts.definitionErrors,
    updated_at: at,
  };
}

/** The rows written for a batch of collections, computed before any query. */
export interface CollectionRows {
  entities: Array<ReturnType<typeof entityRow>>;
  snapshots: Array<ReturnType<typeof snapshotRow>>;
  latest: Array<ReturnType<typeof latestRow>>;
  /** Per entity, the SLO names whose stored newest state survives (every other stored one is deleted). */
  keep: Map<string, Set<string>>;
}

/**
 * The rows that give the same result as applying each collection in order (`recordEntityFacts`, then
 * `recordStatus` per SLO), written as: deletes of stored states, then upserts. An entity listed twice is
 * resolved as the sequence would: its last facts win, a stored state survives only SLO names every collection
 * still defines, and a collected state survives the definitions of the later collections.
 */
export function collectionRows(
  collections: EntitySloCollection[],
  at: Date,
): CollectionRows {
  const entities = new Map<string, ReturnType<typeof entityRow>>();
  const keep = new Map<string, Set<string>>();
  const snapshots: CollectionRows['snapshots'] = [];
  const latest = new Map<string, Map<string, ReturnType<typeof latestRow>>>();

  for (const { entityRef, facts, statuses } of collections) {
    const defined = new Set(facts.sloNames);
    entities.set(entityRef, entityRow(entityRef, facts, at));
    const kept = keep.get(entityRef);
    keep.set(
      entityRef,
      kept ? new Set([...kept].filter(name => defined.has(name))) : defined,
    );
    const entityLatest = latest.get(entityRef) ?? new Map();
    // A state collected earlier in this batch is deleted by these facts, as the sequence would.
    for (const sloName of entityLatest.keys()) {
      if (!defined.has(sloName)) entityLatest.delete(sloName);
    }
    for (const { sloName, status, facts: sloFacts } of statuses) {
      snapshots.push(snapshotRow(entityRef, sloName, status));
      entityLatest.set(
        sloName,
        latestRow(entityRef, sloName, status, sloFacts),
      );
    }
    latest.set(entityRef, entityLatest);
  }
  return {
    entities: [...entities.values()],
    snapshots,
    latest: [...latest.values()].flatMap(rows => [...rows.values()]),
    keep,
  };
}
