import {
  SloAlertState,
  SloHistoryPoint,
  SloStatus,
  SloSummary,
} from '@internal/backstage-plugin-reliability-common';

/** Facts of an SLO definition that summaries need (stored beside its newest state). */
export interface SloDefinitionFacts {
  alertCount: number;
  alertsWithRunbook: number;
  hasBurnRateAlerts: boolean;
}

/** Facts of an entity's SLO definitions as of the newest load. */
export interface EntitySloFacts {
  sloNames: string[];
  definitionErrors: number;
}

/** One entity's collection: its definition facts and the newest state of each of its SLOs. */
export interface EntitySloCollection {
  entityRef: string;
  facts: EntitySloFacts;
  statuses: Array<{
    sloName: string;
    status: SloStatus;
    facts: SloDefinitionFacts;
  }>;
}

/** A bounded series of snapshots. */
export interface SloHistory {
  points: SloHistoryPoint[];
  downsampled: boolean;
}

/**
 * Storage of collected SLO states: one snapshot per collection (history), the newest state per SLO,
 * and per-entity definition facts. Entity refs are normalised.
 */
export interface SloStore {
  /** Records one collection of an SLO: appends a snapshot and upserts the newest state (one transaction). */
  recordStatus(
    entityRef: string,
    sloName: string,
    status: SloStatus,
    facts: SloDefinitionFacts,
  ): Promise<void>;
  /** Stores an entity's definition facts and forgets newest states of SLOs no longer defined. */
  recordEntityFacts(
    entityRef: string,
    facts: EntitySloFacts,
    at: Date,
  ): Promise<void>;
  /**
   * Records many entities' collections in one transaction: the same result as recordEntityFacts then recordStatus
   * per SLO for each entity, in a constant number of queries per call (bulk inserts/upserts in chunks).
   */
  recordCollections(
    collections: EntitySloCollection[],
    at: Date,
  ): Promise<void>;
  /** Newest state of each SLO of an entity, by SLO name. */
  getLatest(entityRef: string): Promise<Map<string, SloStatus>>;
  /** Newest state of each SLO of many entities, by entity ref then SLO name (entities without data: absent). */
  getLatestOf(
    entityRefs: string[],
  ): Promise<Map<string, Map<string, SloStatus>>>;
  /**
   * Whether each SLO of many entities met its target over its last window (`met_last_window`, null when not known),
   * by entity ref then SLO name, without reading the stored states (entities without data: absent).
   */
  getLastWindowMet(
    entityRefs: string[],
  ): Promise<Map<string, Map<string, boolean | null>>>;
  /** Snapshots of one SLO collected in [from, to], at most `maxPoints` (bucket-averaged beyond that). */
  getHistory(
    entityRef: string,
    sloName: string,
    from: Date,
    to: Date,
    maxPoints: number,
  ): Promise<SloHistory>;
  /**
   * When each of the given entities last had an SLO collected in `alertState` (e.g. `page`) at or after `since`;
   * entities without such a collection are absent. One grouped query per 1,000 refs on the snapshots.
   */
  getLastAlertStateAt(
    entityRefs: string[],
    alertState: SloAlertState,
    since: Date,
  ): Promise<Map<string, Date>>;
  /** Summaries of many entities in one query; entities never loaded are absent. */
  getSummaries(entityRefs: string[]): Promise<Map<string, SloSummary>>;
  /** Every entity ref that has stored SLO data. */
  listEntityRefs(): Promise<string[]>;
  /** Deletes snapshots collected before `before`; returns how many. */
  deleteSnapshotsOlderThan(before: Date): Promise<number>;
  /** Deletes all SLO data of the given entities. */
  deleteEntities(entityRefs: string[]): Promise<void>;
}
