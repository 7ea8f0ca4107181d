import {
  DeployGateAnswerRecord,
  DeployGateOverride,
  DeployGateOverrideRevocation,
  PolicyDecision,
  PolicyStateChange,
  SloAlertState,
} from '@internal/backstage-plugin-reliability-common';

/** `slo_name` of the row that holds the state of the service as a whole. */
export const SERVICE_SLO_NAME = '';

/** One evaluated policy state to record: of an SLO, or of the service (`sloName` SERVICE_SLO_NAME). */
export interface PolicyStateInput {
  sloName: string;
  policyName: string;
  state: string;
  decision: PolicyDecision;
  ruleIndex: number | null;
  consequence: string | null;
  budgetRemaining: number | null;
  alertState: SloAlertState;
  /** When the condition of the state's rule last held (null for `ok` and `no-data`). */
  conditionHeldAt: Date | null;
  /** Set while the state is only kept by its rule's `keepForMinutes`: when it ends. */
  keptUntil: Date | null;
}

/** A recorded policy state, with when it began and when it was last confirmed. */
export interface StoredPolicyState extends PolicyStateInput {
  since: Date;
  evaluatedAt: Date;
}

/**
 * Storage of the policy area: the current policy state of each SLO and service, the history of state changes,
 * the deploy gate's recent answers and its overrides. Entity refs are normalised (`entityRefKey`).
 */
export interface PolicyStore {
  /**
   * Records the states of one entity evaluated at `at`. A state whose policy, state or decision differs from the
   * stored one starts anew (`since` = `at`) and appends a change; an unchanged one keeps its `since`. Rows of the
   * entity missing from `states` (SLOs no longer defined) are deleted. Safe when replicas record concurrently:
   * a change is appended once. Returns the entity's states as stored afterwards.
   */
  recordStates(
    entityRef: string,
    states: PolicyStateInput[],
    at: Date,
  ): Promise<StoredPolicyState[]>;
  /** Current states of many entities, in a fixed number of queries; entities without states are absent. */
  getStates(entityRefs: string[]): Promise<Map<string, StoredPolicyState[]>>;
  /** The state of each given entity as a whole (SERVICE_SLO_NAME), one query per 500 refs. */
  getServiceStates(
    entityRefs: string[],
  ): Promise<Map<string, StoredPolicyState>>;
  /**
   * One page of the refs of a kind whose service state is `state`, ordered by ref, and (`includeTotal`) how many
   * there are: two queries on the (slo_name, state, entity_ref) index.
   */
  pageEntityRefsWithServiceState(options: {
    state: string;
    kind: string;
    order: 'asc' | 'desc';
    offset: number;
    limit: number;
    includeTotal: boolean;
  }): Promise<{ entityRefs: string[]; totalItems?: number }>;
  /** State changes of the given entities in [from, to] (bounds optional), newest first, at most `limit`. */
  getChanges(
    entityRefs: string[],
    options: { from?: Date; to?: Date; limit: number },
  ): Promise<PolicyStateChange[]>;
  /**
   * Changes of the state of services as a whole (SERVICE_SLO_NAME) recorded at or after `from`, not first
   * evaluations, oldest first, at most `limit`: one query on the changed_at index.
   */
  getServiceChangesSince(
    from: Date,
    limit: number,
  ): Promise<PolicyStateChange[]>;
  /** Every entity that has current states. */
  listEntitiesWithStates(): Promise<string[]>;
  /** Every entity with any data in the store (states, changes, gate answers or overrides). */
  listEntityRefs(): Promise<string[]>;
  /** Deletes the current states of the given entities (no SLOs any more); their history stays until retention. */
  deleteStates(entityRefs: string[]): Promise<number>;
  /** Deletes every row of the given entities (gone from the catalog). */
  deleteEntities(entityRefs: string[]): Promise<void>;

  /** Records one deploy-gate answer and keeps only the newest `keepPerEntity` answers of the entity. */
  recordGateAnswer(
    answer: DeployGateAnswerRecord,
    keepPerEntity: number,
  ): Promise<void>;
  /** The newest gate answers of an entity, newest first. */
  getGateAnswers(
    entityRef: string,
    limit: number,
  ): Promise<DeployGateAnswerRecord[]>;
  /** The newest gate answer of each of the given entities (one query per batch); entities never asked are absent. */
  getLastGateAnswers(
    entityRefs: string[],
  ): Promise<Map<string, DeployGateAnswerRecord>>;
  /** Stores a new override. */
  createOverride(override: DeployGateOverride): Promise<void>;
  /** Overrides of an entity that end (expire, or were revoked) after `expiringAfter`, newest first. */
  getOverrides(
    entityRef: string,
    expiringAfter: Date,
  ): Promise<DeployGateOverride[]>;
  /** Overrides of the given entities created in [from, to], oldest first, at most `limit`. */
  getOverridesCreatedBetween(
    entityRefs: string[],
    from: Date,
    to: Date,
    limit: number,
  ): Promise<DeployGateOverride[]>;
  /** One override of an entity, or undefined. */
  getOverride(
    entityRef: string,
    id: string,
  ): Promise<DeployGateOverride | undefined>;
  /**
   * Records the early end of an override that is not revoked yet; false when it was revoked already (also by a
   * concurrent request: compare-and-set).
   */
  revokeOverride(
    entityRef: string,
    id: string,
    revocation: DeployGateOverrideRevocation,
  ): Promise<boolean>;

  /**
   * Retention: deletes state changes and gate answers recorded before `before`, and overrides that expired or
   * were revoked before it. Returns how many rows of each went.
   */
  deleteOlderThan(
    before: Date,
  ): Promise<{ changes: number; answers: number; overrides: number }>;
}
