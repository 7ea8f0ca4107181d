import {
  ActionItemView,
  Incident,
  IncidentSummary,
} from '@internal/backstage-plugin-reliability-common';

/** The last read of one incident provider for one entity. */
export interface IncidentSync {
  source: string;
  /** Last successful read; null when none succeeded yet. */
  syncedAt: Date | null;
  /** Last attempt. */
  checkedAt: Date;
  /** Why the last attempt failed; null when it succeeded. */
  error: string | null;
}

/**
 * Persistence of the incidents area: incidents (`incidents`), provider reads (`incident_syncs`), postmortem
 * action items (`incident_action_items`) and per-entity summaries (`incident_summaries`).
 */
export interface IncidentStore {
  /**
   * Creates or updates incidents of one entity, keyed by source and id (a second write of the same id updates
   * it), atomically; returns how many were written.
   */
  upsertIncidents(
    entityRef: string,
    incidents: Incident[],
    updatedAt: Date,
  ): Promise<number>;
  /** Incidents of one entity that started at or after `since`, newest first. */
  listIncidents(entityRef: string, since: Date): Promise<Incident[]>;
  /** Which of `ids` (compared case-insensitively) name a stored incident of the entity, lower-cased. */
  findIncidentIds(entityRef: string, ids: string[]): Promise<Set<string>>;
  /** Start of the earliest incident of one source of the entity that is not resolved, if any. */
  earliestOpenStart(entityRef: string, source: string): Promise<Date | null>;
  /** Sources with stored incidents of the entity. */
  listSources(entityRef: string): Promise<string[]>;
  /** Records a provider read (success: `error` null, `syncedAt` moves to `at`). */
  recordSync(
    entityRef: string,
    source: string,
    outcome: { at: Date; error: string | null },
  ): Promise<void>;
  listSyncs(entityRef: string): Promise<IncidentSync[]>;
  /** Replaces the action items and the summary of an entity, atomically. */
  replaceSummary(
    summary: IncidentSummary,
    actionItems: ActionItemView[],
  ): Promise<void>;
  /** Summaries of the given entities, in a constant number of queries (one per 500 refs). */
  getSummaries(entityRefs: string[]): Promise<Map<string, IncidentSummary>>;
  /** Every entity with a row in any table of the area. */
  listEntityRefs(): Promise<string[]>;
  /** Entities with incidents. */
  listEntitiesWithIncidents(): Promise<string[]>;
  /** Deletes the summaries, action items and provider reads (not the incidents) of the given entities. */
  deleteSummaries(entityRefs: string[]): Promise<void>;
  /** Deletes every row of the given entities. */
  deleteEntities(entityRefs: string[]): Promise<void>;
  /** Deletes incidents that started before `cutOff`; returns how many. */
  deleteIncidentsStartedBefore(cutOff: Date): Promise<number>;
}
