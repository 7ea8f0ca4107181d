import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATIONS,
  EntitySlo,
  EntitySlosResponse,
  entityRefKey,
  SloAlertState,
  SloHistoryPoint,
  SloHistoryResponse,
  SloStatus,
  SloWindow,
} from '@internal/backstage-plugin-reliability-common';
import { SloStateSource } from '../SloStateSource';

const DAY_S = 86400;

/**
 * A service component declaring SLOs inline (the YAML is never parsed: SLO states come from FakeSloStates), owned
 * by `spec.owner` (default group:default/team-a) and part of `spec.system` when given.
 */
export function sloEntity(
  name: string,
  annotations: Record<string, string> = {},
  spec: Record<string, string> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      annotations: { [ANNOTATIONS.sloInline]: 'declared', ...annotations },
    },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: 'group:default/team-a',
      ...spec,
    },
    relations: [
      {
        type: 'ownedBy',
        targetRef: String(spec.owner ?? 'group:default/team-a'),
      },
      ...(spec.system
        ? [{ type: 'partOf', targetRef: `system:default/${spec.system}` }]
        : []),
    ],
  };
}

/** One SLO with the given budget left and alert state (null budget and `unknown`: no data). */
export function sloWith(
  name: string,
  budgetRemaining: number | null,
  alertState: SloAlertState = 'ok',
  options: {
    displayName?: string;
    target?: number;
    window?: SloWindow;
    status?: Partial<SloStatus>;
    /** The policy the SLO file names for this SLO. */
    policy?: string;
  } = {},
): EntitySlo {
  const target = options.target ?? 0.999;
  const attainment =
    budgetRemaining === null ? null : 1 - (1 - budgetRemaining) * (1 - target);
  return {
    definition: {
      name,
      ...(options.displayName ? { displayName: options.displayName } : {}),
      indicator: { name: `${name}-sli` },
      window: options.window ?? {
        kind: 'rolling',
        durationSeconds: 30 * DAY_S,
        label: '30d',
      },
      budgetingMethod: 'Occurrences',
      objectives: [{ target }],
      alertPolicies: [],
      ...(options.policy ? { policy: options.policy } : {}),
    },
    status: {
      collectedAt: '2026-11-22T11:55:00.000Z',
      checkedAt: '2026-11-22T11:55:00.000Z',
      windowStart: '2026-10-23T12:00:00.000Z',
      windowEnd: '2026-11-22T12:00:00.000Z',
      target,
      good: null,
      total: null,
      attainment,
      budgetRemaining,
      burnRate: null,
      burnRates: [],
      alertState,
      alertsSource: 'definition',
      alerts: [],
      timeToExhaustionSeconds: null,
      stale: false,
      error: null,
      dataSource: 'fake',
      ...options.status,
    },
  };
}

/** A history point of an SLO at `at` (attainment and budget optional). */
export function historyPoint(
  at: string,
  alertState: SloAlertState,
  values: { attainment?: number | null; budgetRemaining?: number | null } = {},
): SloHistoryPoint {
  return {
    at,
    windowStart: at,
    windowEnd: at,
    attainment: values.attainment ?? null,
    budgetRemaining: values.budgetRemaining ?? null,
    burnRates: {},
    alertState,
    stale: false,
  };
}

/** An in-memory SloStateSource whose SLO states and histories tests set. */
export class FakeSloStates implements SloStateSource {
  private readonly slos = new Map<string, EntitySlo[]>();
  private readonly overdue = new Map<string, string>();
  private readonly histories = new Map<string, SloHistoryPoint[]>();
  readonly historyCalls: Array<{ sloName: string; from: Date; to: Date }> = [];

  set(entity: Entity | string, slos: EntitySlo[]): this {
    this.slos.set(entityRefKey(entity), slos);
    return this;
  }

  /** Makes the entity's SLO figures look last checked at `checkedAt` by a collection that is behind. */
  setCollectionOverdue(entity: Entity | string, checkedAt: string): this {
    this.overdue.set(entityRefKey(entity), checkedAt);
    return this;
  }

  setHistory(
    entity: Entity | string,
    sloName: string,
    points: SloHistoryPoint[],
  ): this {
    this.histories.set(`${entityRefKey(entity)}#${sloName}`, points);
    return this;
  }

  async getEntitySlos(entity: Entity): Promise<EntitySlosResponse> {
    const entityRef = entityRefKey(entity);
    const checkedAt = this.overdue.get(entityRef);
    return {
      entityRef,
      definitionErrors: [],
      slos: this.slos.get(entityRef) ?? [],
      ...(checkedAt && { collectionOverdue: { checkedAt } }),
    };
  }

  async getHistory(
    entity: Entity,
    sloName: string,
    from: Date,
    to: Date,
  ): Promise<SloHistoryResponse> {
    this.historyCalls.push({ sloName, from, to });
    const entityRef = entityRefKey(entity);
    const points = (this.histories.get(`${entityRef}#${sloName}`) ?? []).filter(
      p => {
        const at = new Date(p.at).getTime();
        return at >= from.getTime() && at <= to.getTime();
      },
    );
    return {
      entityRef,
      sloName,
      from: from.toISOString(),
      to: to.toISOString(),
      downsampled: false,
      points,
    };
  }
}
