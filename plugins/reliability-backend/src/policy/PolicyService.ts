import { Entity } from '@backstage/catalog-model';
import {
  DeployGateOverride,
  EntityPolicyResponse,
  EntitySlo,
  EntitySlosResponse,
  entityRefKey,
  evaluateSloPolicy,
  keepPolicyState,
  mostSevereEvaluation,
  PolicySet,
  PolicyStateChange,
  PolicyStateView,
  PolicySummary,
  PreviousPolicyState,
  resolvePolicy,
  ResolvedPolicy,
  resolveSloPolicy,
} from '@internal/backstage-plugin-reliability-common';
import { SloStateSource } from './SloStateSource';
import {
  PolicyStateInput,
  PolicyStore,
  SERVICE_SLO_NAME,
  StoredPolicyState,
} from './store/PolicyStore';

/** Most state changes an entity's policy response carries. */
export const MAX_HISTORY_ENTRIES = 100;

/** An entity's policy evaluated now, with the states as recorded (since when). */
export interface EvaluatedEntityPolicy {
  entityRef: string;
  resolved: ResolvedPolicy;
  slos: EntitySlo[];
  /** Recorded states: the service's (SERVICE_SLO_NAME) and one per SLO. */
  states: StoredPolicyState[];
  evaluatedAt: Date;
  /** Set when SLO collection is behind: the states were judged on figures last checked then. */
  collectionOverdue?: EntitySlosResponse['collectionOverdue'];
}

/**
 * The policy states of an entity's SLOs and of the service (the most severe SLO's), to record. Each SLO is judged
 * by its own policy when its SLO file names a configured one, else by the entity's (`resolved`), and keeps its
 * `previous` state while that state's rule keeps it (`keepForMinutes`, the policy's hysteresis).
 */
export function policyStatesOf(
  resolved: ResolvedPolicy,
  slos: EntitySlo[],
  policySet: PolicySet,
  previous: ReadonlyMap<string, PreviousPolicyState>,
  now: Date,
): PolicyStateInput[] {
  const perSlo = slos.map(({ definition, status }) => {
    const input = {
      budgetRemaining: status?.budgetRemaining ?? null,
      alertState: status?.alertState ?? 'unknown',
    };
    const { policy } = resolveSloPolicy(resolved, definition, policySet);
    const { evaluation, conditionHeldAt, keptUntil } = keepPolicyState(
      policy,
      previous.get(definition.name),
      evaluateSloPolicy(policy, input),
      now,
    );
    return {
      sloName: definition.name,
      policyName: policy.name,
      ...evaluation,
      ...input,
      conditionHeldAt,
      keptUntil,
    };
  });
  const worst = mostSevereEvaluation(perSlo);
  if (worst < 0) return [];
  return [...perSlo, { ...perSlo[worst], sloName: SERVICE_SLO_NAME }];
}

/** Whether any rule of the set keeps its state after its condition stops holding. */
function keepsStates(policySet: PolicySet): boolean {
  return Object.values(policySet.policies).some(policy =>
    policy.rules.some(rule => rule.keepForMinutes),
  );
}

function toView(
  state: StoredPolicyState,
  displayName: string | undefined,
  policy: ResolvedPolicy,
): PolicyStateView {
  return {
    sloName: state.sloName === SERVICE_SLO_NAME ? null : state.sloName,
    ...(displayName ? { displayName } : {}),
    policyName: state.policyName,
    policySource: policy.source,
    ...(policy.problem ? { problem: policy.problem } : {}),
    state: state.state,
    decision: state.decision,
    ruleIndex: state.ruleIndex,
    consequence: state.consequence,
    since: state.since.toISOString(),
    ...(state.keptUntil && { keptUntil: state.keptUntil.toISOString() }),
    budgetRemaining: state.budgetRemaining,
    alertState: state.alertState,
  };
}

/**
 * The policy area's service: resolves the policy of an entity, evaluates it on the newest state of each SLO,
 * records state changes, and answers with the current states, since when, and their history.
 */
export class PolicyService {
  constructor(
    private readonly options: {
      store: PolicyStore;
      slos: SloStateSource;
      policySet: PolicySet;
      now: () => Date;
    },
  ) {
    this.keepsStates = keepsStates(options.policySet);
  }

  private readonly keepsStates: boolean;

  /** The policy that applies to the entity (annotation, tier or default). */
  resolve(entity: Entity): ResolvedPolicy {
    return resolvePolicy(entity, this.options.policySet);
  }

  /** The policy of one SLO of the entity: the one its SLO file names, else the entity's. */
  resolveSlo(
    entityPolicy: ResolvedPolicy,
    slo: EntitySlo['definition'],
  ): ResolvedPolicy {
    return resolveSloPolicy(entityPolicy, slo, this.options.policySet);
  }

  /** Evaluates the entity's policy on its SLOs' newest states and records the result (changes start a new since). */
  async evaluate(entity: Entity): Promise<EvaluatedEntityPolicy> {
    const entityRef = entityRefKey(entity);
    const resolved = this.resolve(entity);
    const { slos, collectionOverdue } = await this.options.slos.getEntitySlos(
      entity,
    );
    const evaluatedAt = this.options.now();
    // The recorded states are read only when a rule may keep one (one query more per evaluation).
    const previous = this.keepsStates
      ? (await this.options.store.getStates([entityRef])).get(entityRef)
      : undefined;
    const states = await this.options.store.recordStates(
      entityRef,
      policyStatesOf(
        resolved,
        slos,
        this.options.policySet,
        new Map(previous?.map(state => [state.sloName, state])),
        evaluatedAt,
      ),
      evaluatedAt,
    );
    return {
      entityRef,
      resolved,
      slos,
      states,
      evaluatedAt,
      ...(collectionOverdue && { collectionOverdue }),
    };
  }

  /** The entity's policy, its current states (per SLO and service) since when, and recent changes. */
  async getEntityPolicy(entity: Entity): Promise<EntityPolicyResponse> {
    const { entityRef, resolved, slos, states, evaluatedAt } =
      await this.evaluate(entity);
    const service = states.find(s => s.sloName === SERVICE_SLO_NAME);
    // SLOs in definition order.
    const bySlo = new Map(states.map(s => [s.sloName, s]));
    const sloViews = slos.flatMap(({ definition }) => {
      const state = bySlo.get(definition.name);
      return state
        ? [
            toView(
              state,
              definition.displayName,
              this.resolveSlo(resolved, definition),
            ),
          ]
        : [];
    });

    return {
      entityRef,
      policy: resolved.policy,
      source: resolved.source,
      problem: resolved.problem ?? null,
      // The service's state is its most severe SLO's, judged by that SLO's policy.
      service: service
        ? toView(service, undefined, {
            policy: resolved.policy,
            source:
              service.policyName === resolved.policy.name
                ? resolved.source
                : 'slo',
          })
        : null,
      slos: sloViews,
      history: await this.getChanges([entityRef], {
        limit: MAX_HISTORY_ENTRIES,
      }),
      staleSlos: slos
        .filter(slo => slo.status?.stale)
        .map(slo => slo.definition.name),
      evaluatedAt: evaluatedAt.toISOString(),
    };
  }

  /** Recorded current states of many entities (the service under SERVICE_SLO_NAME). */
  getStates(entityRefs: string[]): Promise<Map<string, StoredPolicyState[]>> {
    return this.options.store.getStates(entityRefs);
  }

  /**
   * The recorded state of each given entity as a whole (its most severe SLO's), in one query per 500 refs:
   * the overview's policy column.
   */
  async getSummaries(
    entityRefs: string[],
  ): Promise<Map<string, PolicySummary>> {
    const states = await this.options.store.getServiceStates(entityRefs);
    const summaries = new Map<string, PolicySummary>();
    for (const [entityRef, state] of states) {
      summaries.set(entityRef, {
        entityRef,
        state: state.state,
        decision: state.decision,
        policyName: state.policyName,
        since: state.since.toISOString(),
        evaluatedAt: state.evaluatedAt.toISOString(),
      });
    }
    return summaries;
  }

  /** One page of the refs of a kind whose service is in `state`, ordered by ref (the overview's policy filter). */
  pageEntityRefsWithPolicyState(
    options: Parameters<PolicyStore['pageEntityRefsWithServiceState']>[0],
  ): Promise<{ entityRefs: string[]; totalItems?: number }> {
    return this.options.store.pageEntityRefsWithServiceState(options);
  }

  /** Break-glass overrides of the given entities created in [from, to], oldest first. */
  getOverridesCreatedBetween(
    entityRefs: string[],
    options: { from: Date; to: Date; limit: number },
  ): Promise<DeployGateOverride[]> {
    return this.options.store.getOverridesCreatedBetween(
      entityRefs,
      options.from,
      options.to,
      options.limit,
    );
  }

  /** Recorded state changes of the given entities (newest first). */
  getChanges(
    entityRefs: string[],
    options: { from?: Date; to?: Date; limit: number },
  ): Promise<PolicyStateChange[]> {
    return this.options.store.getChanges(entityRefs, options);
  }
}
