import {
  AlertFiring,
  AlertSummary,
  SourceAlert,
} from '@internal/backstage-plugin-reliability-common';

/** The `entity_ref` of alerts no catalog entity owns, and of the firings of a source's alerts. */
export const NO_ENTITY = '';

/** One stored alert: what its source reported, and the entity it maps to (`NO_ENTITY`: none). */
export interface StoredAlert extends SourceAlert {
  source: string;
  entityRef: string;
  updatedAt: Date;
}

/** An alert of one source mapped to an entity (`NO_ENTITY` when no entity owns it). */
export interface MappedAlert {
  entityRef: string;
  alert: SourceAlert;
}

/**
 * Which firings belong to an alert: the firings of a source's alerts are kept once per alert (`scope`
 * `NO_ENTITY`), whichever entities the alert maps to; those of embedded alerts per entity (`scope` the entity).
 */
export interface FiringScope {
  source: string;
  scope: string;
}

/** The last read of one alert source. */
export interface AlertSync {
  source: string;
  /** Last successful read; null when none succeeded yet. */
  syncedAt: Date | null;
  /** Last attempt. */
  checkedAt: Date;
  /** Why the last attempt failed; null when it succeeded. */
  error: string | null;
}

/**
 * Persistence of the alerts area: the alert inventory (`alert_inventory`), firings (`alert_firings`), source
 * reads (`alert_syncs`) and per-entity summaries (`alert_summaries`).
 */
export interface AlertStore {
  /**
   * Creates or updates alerts of one entity in one source by id (the embedded source); with `replace`, removes
   * that entity's other alerts of the source and their firings. Atomic. Returns how many were removed.
   */
  upsertEntityAlerts(
    entityRef: string,
    source: string,
    alerts: SourceAlert[],
    options: { at: Date; replace: boolean },
  ): Promise<{ removed: number }>;
  /** Which of `alertIds` the entity has in the source. */
  findAlertIds(
    entityRef: string,
    source: string,
    alertIds: string[],
  ): Promise<Set<string>>;
  /**
   * Replaces the whole inventory of a source (every entity) with `alerts`, atomically, and deletes the firings
   * of its alerts that are gone.
   */
  replaceSourceAlerts(
    source: string,
    alerts: MappedAlert[],
    at: Date,
  ): Promise<void>;
  /** Creates or updates firings of one scope, keyed by alert and start. */
  upsertFirings(scope: FiringScope, firings: AlertFiring[]): Promise<number>;
  /** Replaces the firings of a source (scope `NO_ENTITY`) that overlap [from, ...) with `firings`, atomically. */
  replaceSourceFirings(
    source: string,
    from: Date,
    firings: AlertFiring[],
  ): Promise<void>;
  /** The firings of one scope still open (no resolution). */
  listOpenFirings(scope: FiringScope): Promise<AlertFiring[]>;
  /** Sets the resolution of open firings of one scope. */
  resolveFirings(
    scope: FiringScope,
    firings: Array<{ alertId: string; startedAt: string }>,
    resolvedAt: Date,
  ): Promise<void>;
  /** Records a source read (success: `error` null, `syncedAt` moves to `at`). */
  recordSync(
    source: string,
    outcome: { at: Date; error: string | null },
  ): Promise<void>;
  listSyncs(): Promise<AlertSync[]>;
  /** The alerts of the given entities (`NO_ENTITY` for the unowned ones), by entity. */
  listAlerts(entityRefs: string[]): Promise<StoredAlert[]>;
  /**
   * Firings that started at or after `since` (or are still open) of the given alert ids of one scope, by
   * alert id.
   */
  listFirings(
    scope: FiringScope,
    alertIds: string[],
    since: Date,
  ): Promise<Map<string, AlertFiring[]>>;
  /** Replaces the summaries of the given entities. */
  replaceSummaries(summaries: AlertSummary[]): Promise<void>;
  /** Summaries of the given entities, in a constant number of queries (one per 500 refs). */
  getSummaries(entityRefs: string[]): Promise<Map<string, AlertSummary>>;
  /** Summaries of the entities a group owns (by the owner recorded at the refresh). */
  listSummariesByOwner(ownerRef: string): Promise<AlertSummary[]>;
  /** Every summary (organisation views). */
  listSummaries(): Promise<AlertSummary[]>;
  /** Every entity with a row in any table of the area (`NO_ENTITY` excepted). */
  listEntityRefs(): Promise<string[]>;
  /** Entities with alerts. */
  listEntitiesWithAlerts(): Promise<string[]>;
  /** Deletes the summaries of the given entities. */
  deleteSummaries(entityRefs: string[]): Promise<void>;
  /** Deletes every row of the given entities (their embedded alerts and firings, mapped alerts, summaries). */
  deleteEntities(entityRefs: string[]): Promise<void>;
  /** Deletes firings that started before `cutOff`; returns how many. */
  deleteFiringsStartedBefore(cutOff: Date): Promise<number>;
}
