import { Entity } from '@backstage/catalog-model';
import {
  EntityPolicyResponse,
  EntitySlo,
  entityRefKey,
  evaluateSloPolicy,
  mostSevereEvaluation,
  PolicySet,
  PolicyStateChange,
  PolicyStateView,
  resolvePolicy,
  ResolvedPolicy,
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
}

/** The policy states of an entity's SLOs and of the service (the most severe SLO's), to record. */
export function policyStatesOf(
  resolved: ResolvedPolicy,
  slos: EntitySlo[],
): PolicyStateInput[] {
  const perSlo = slos.map(({ definition, status }) => {
    const input = {
      budgetRemaining: status?.budgetRemaining ?? null,
      alertState: status?.alertState ?? 'unknown',
    };
    return {
      sloName: definition.name,
      policyName: resolved.policy.name,
      ...evaluateSloPolicy(resolved.policy, input),
      ...input,
    };
  });
  const worst = mostSevereEvaluation(perSlo);
  if (worst < 0) return [];
  return [...perSlo, { ...perSlo[worst], sloName: SERVICE_SLO_NAME }];
}

function toView(
  state: StoredPolicyState,
  displayName: string | undefined,
): PolicyStateView {
  return {
    sloName: state.sloName === SERVICE_SLO_NAME ? null : state.sloName,
    ...(displayName ? { displayName } : {}),
    state: state.state,
    decision: state.decision,
    ruleIndex: state.ruleIndex,
    consequence: state.consequence,
    since: state.since.toISOString(),
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
  ) {}

  /** The policy that applies to the entity (annotation, tier or default). */
  resolve(entity: Entity): ResolvedPolicy {
    return resolvePolicy(entity, this.options.policySet);
  }

  /** Evaluates the entity's policy on its SLOs' newest states and records the result (changes start a new since). */
  async evaluate(entity: Entity): Promise<EvaluatedEntityPolicy> {
    const entityRef = entityRefKey(entity);
    const resolved = this.resolve(entity);
    const { slos } = await this.options.slos.getEntitySlos(entity);
    const evaluatedAt = this.options.now();
    const states = await this.options.store.recordStates(
      entityRef,
      policyStatesOf(resolved, slos),
      evaluatedAt,
    );
    return { entityRef, resolved, slos, states, evaluatedAt };
  }

  /** The entity's policy, its current states (per SLO and service) since when, and recent changes. */
  async getEntityPolicy(entity: Entity): Promise<EntityPolicyResponse> {
    const { entityRef, resolved, slos, states, evaluatedAt } =
      await this.evaluate(entity);
    const displayNames = new Map(
      slos.map(slo => [slo.definition.name, slo.definition.displayName]),
    );
    const service = states.find(s => s.sloName === SERVICE_SLO_NAME);
    // SLOs in definition order.
    const bySlo = new Map(states.map(s => [s.sloName, s]));
    const sloViews = slos
      .map(slo => bySlo.get(slo.definition.name))
      .filter((s): s is StoredPolicyState => Boolean(s))
      .map(s => toView(s, displayNames.get(s.sloName)));
    return {
      entityRef,
      policy: resolved.policy,
      source: resolved.source,
      problem: resolved.problem ?? null,
      service: service ? toView(service, undefined) : null,
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

  /** Recorded state changes of the given entities (newest first). */
  getChanges(
    entityRefs: string[],
    options: { from?: Date; to?: Date; limit: number },
  ): Promise<PolicyStateChange[]> {
    return this.options.store.getChanges(entityRefs, options);
  }
}
