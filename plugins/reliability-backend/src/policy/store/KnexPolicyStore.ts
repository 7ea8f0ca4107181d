import {
  DeployGateAnswerRecord,
  DeployGateOverride,
  DeployGateOverrideRevocation,
  PolicyDecision,
  PolicyStateChange,
  SloAlertState,
} from '@internal/backstage-plugin-reliability-common';
import { Knex } from 'knex';
import { chunk } from '../../shared/chunk';
import {
  dbBoolean,
  dbDate,
  dbDateOrNull,
  dbNumber,
  dbTextOrNull,
} from '../../shared/dbValues';
import {
  PolicyStateInput,
  PolicyStore,
  SERVICE_SLO_NAME,
  StoredPolicyState,
} from './PolicyStore';

const STATES = 'policy_states';
const CHANGES = 'policy_state_changes';
const ANSWERS = 'deploy_gate_answers';
const OVERRIDES = 'deploy_gate_overrides';
const ALL_TABLES = [STATES, CHANGES, ANSWERS, OVERRIDES];

/** Entity refs per `whereIn` (well under every database's bind-parameter limit). */
const IN_LIST_LIMIT = 500;

interface StateRow {
  entity_ref: string;
  slo_name: string;
  policy_name: string;
  state: string;
  decision: string;
  rule_index: number | null;
  consequence: string | null;
  budget_remaining: number | string | null;
  alert_state: string;
  since: unknown;
  evaluated_at: unknown;
  condition_held_at: unknown;
  kept_until: unknown;
}

function toState(row: StateRow): StoredPolicyState {
  return {
    sloName: row.slo_name,
    policyName: row.policy_name,
    state: row.state,
    decision: row.decision as PolicyDecision,
    ruleIndex: dbNumber(row.rule_index),
    consequence: row.consequence ?? null,
    budgetRemaining: dbNumber(row.budget_remaining),
    alertState: row.alert_state as SloAlertState,
    since: dbDate(row.since),
    evaluatedAt: dbDate(row.evaluated_at),
    conditionHeldAt: dbDateOrNull(row.condition_held_at),
    keptUntil: dbDateOrNull(row.kept_until),
  };
}

/** Whether a newly evaluated state starts a new period (policy, state or decision differ). */
function isChange(row: StateRow, state: PolicyStateInput): boolean {
  return (
    row.policy_name !== state.policyName ||
    row.state !== state.state ||
    row.decision !== state.decision
  );
}

function toChange(row: Record<string, unknown>): PolicyStateChange {
  return {
    entityRef: String(row.entity_ref),
    sloName: row.slo_name === SERVICE_SLO_NAME ? null : String(row.slo_name),
    policyName: String(row.policy_name),
    fromState: dbTextOrNull(row.from_state),
    toState: String(row.to_state),
    decision: row.decision as PolicyDecision,
    changedAt: dbDate(row.changed_at).toISOString(),
  };
}

function toOverride(row: Record<string, unknown>): DeployGateOverride {
  const override: DeployGateOverride = {
    id: String(row.id),
    entityRef: String(row.entity_ref),
    reason: String(row.reason),
    createdBy: String(row.created_by),
    createdAt: dbDate(row.created_at).toISOString(),
    expiresAt: dbDate(row.expires_at).toISOString(),
  };
  if (row.revoked_at !== null && row.revoked_at !== undefined) {
    override.revoked = {
      at: dbDate(row.revoked_at).toISOString(),
      by: String(row.revoked_by),
      reason: String(row.revoke_reason),
    };
  }
  return override;
}

function toAnswer(row: Record<string, unknown>): DeployGateAnswerRecord {
  return {
    entityRef: String(row.entity_ref),
    decision: row.decision as PolicyDecision,
    policyDecision: row.policy_decision as PolicyDecision,
    overridden: dbBoolean(row.overridden),
    state: String(row.state),
    askedBy: String(row.asked_by),
    context: dbTextOrNull(row.context),
    askedAt: dbDate(row.asked_at).toISOString(),
  };
}

/** PolicyStore on the plugin's database (SQLite or PostgreSQL). */
export class KnexPolicyStore implements PolicyStore {
  constructor(private readonly options: { knex: Knex }) {}

  private get knex(): Knex {
    return this.options.knex;
  }

  async recordStates(
    entityRef: string,
    states: PolicyStateInput[],
    at: Date,
  ): Promise<StoredPolicyState[]> {
    await this.knex.transaction(async trx => {
      const rows: StateRow[] = await trx(STATES)
        .where({ entity_ref: entityRef })
        .select();
      const current = new Map(rows.map(row => [row.slo_name, row]));
      const wanted = new Set(states.map(state => state.sloName));
      const removed = rows
        .map(row => row.slo_name)
        .filter(name => !wanted.has(name));
      for (const names of chunk(removed, IN_LIST_LIMIT)) {
        await trx(STATES)
          .where({ entity_ref: entityRef })
          .whereIn('slo_name', names)
          .delete();
      }
      for (const state of states) {
        await this.recordState(
          trx,
          entityRef,
          current.get(state.sloName),
          state,
          at,
        );
      }
    });
    return (await this.getStates([entityRef])).get(entityRef) ?? [];
  }

  private async recordState(
    trx: Knex.Transaction,
    entityRef: string,
    row: StateRow | undefined,
    state: PolicyStateInput,
    at: Date,
  ): Promise<void> {
    const values = {
      policy_name: state.policyName,
      state: state.state,
      decision: state.decision,
      rule_index: state.ruleIndex,
      consequence: state.consequence,
      budget_remaining: state.budgetRemaining,
      alert_state: state.alertState,
      evaluated_at: at,
      condition_held_at: state.conditionHeldAt,
      kept_until: state.keptUntil,
    };
    const key = { entity_ref: entityRef, slo_name: state.sloName };
    let changedFrom: { from: string | null } | undefined;
    if (!row) {
      // Another replica may insert the same row concurrently: only the insert that wins records the change.
      const inserted = await trx(STATES)
        .insert({ ...key, ...values, since: at })
        .onConflict(['entity_ref', 'slo_name'])
        .ignore()
        .returning('slo_name');
      if (inserted.length > 0) changedFrom = { from: null };
    } else if (isChange(row, state)) {
      // Compare-and-set on the state read: a concurrent writer that got there first makes this update a no-op.
      const updated = await trx(STATES)
        .where({
          ...key,
          policy_name: row.policy_name,
          state: row.state,
          decision: row.decision,
        })
        .update({ ...values, since: at });
      if (updated > 0) changedFrom = { from: row.state };
    } else {
      await trx(STATES).where(key).update(values);
    }
    if (changedFrom) {
      await trx(CHANGES).insert({
        ...key,
        policy_name: state.policyName,
        from_state: changedFrom.from,
        to_state: state.state,
        decision: state.decision,
        changed_at: at,
      });
    }
  }

  async getStates(
    entityRefs: string[],
  ): Promise<Map<string, StoredPolicyState[]>> {
    const result = new Map<string, StoredPolicyState[]>();
    for (const refs of chunk([...new Set(entityRefs)], IN_LIST_LIMIT)) {
      const rows: StateRow[] = await this.knex(STATES)
        .whereIn('entity_ref', refs)
        .orderBy(['entity_ref', 'slo_name'])
        .select();
      for (const row of rows) {
        const list = result.get(row.entity_ref) ?? [];
        list.push(toState(row));
        result.set(row.entity_ref, list);
      }
    }
    return result;
  }

  async getServiceStates(
    entityRefs: string[],
  ): Promise<Map<string, StoredPolicyState>> {
    const result = new Map<string, StoredPolicyState>();
    for (const refs of chunk([...new Set(entityRefs)], IN_LIST_LIMIT)) {
      const rows: StateRow[] = await this.knex(STATES)
        .where('slo_name', SERVICE_SLO_NAME)
        .whereIn('entity_ref', refs)
        .select();
      for (const row of rows) result.set(row.entity_ref, toState(row));
    }
    return result;
  }

  async pageEntityRefsWithServiceState(
    options: Parameters<PolicyStore['pageEntityRefsWithServiceState']>[0],
  ): Promise<{ entityRefs: string[]; totalItems?: number }> {
    const { state, kind, order, offset, limit, includeTotal } = options;
    // `kind:` .. `kind;` is the range of refs of that kind (';' follows ':'), an index range scan.
    const ofKind = () =>
      this.knex(STATES)
        .where({ slo_name: SERVICE_SLO_NAME, state })
        .where('entity_ref', '>=', `${kind}:`)
        .where('entity_ref', '<', `${kind};`);
    const [rows, count] = await Promise.all([
      ofKind()
        .orderBy('entity_ref', order)
        .offset(offset)
        .limit(limit)
        .select('entity_ref') as Promise<Array<{ entity_ref: string }>>,
      includeTotal
        ? (ofKind().count({ n: '*' }).first() as Promise<
            { n: number | string } | undefined
          >)
        : Promise.resolve(undefined),
    ]);
    return {
      entityRefs: rows.map(row => row.entity_ref),
      totalItems: count ? Number(count.n) : undefined,
    };
  }

  async getChanges(
    entityRefs: string[],
    options: { from?: Date; to?: Date; limit: number },
  ): Promise<PolicyStateChange[]> {
    const changes: PolicyStateChange[] = [];
    for (const refs of chunk([...new Set(entityRefs)], IN_LIST_LIMIT)) {
      let query = this.knex(CHANGES).whereIn('entity_ref', refs);
      if (options.from) query = query.where('changed_at', '>=', options.from);
      if (options.to) query = query.where('changed_at', '<=', options.to);
      const rows = await query
        .orderBy([
          { column: 'changed_at', order: 'desc' },
          { column: 'id', order: 'desc' },
        ])
        .limit(options.limit)
        .select();
      changes.push(...rows.map(toChange));
    }
    return changes
      .sort((a, b) => b.changedAt.localeCompare(a.changedAt))
      .slice(0, options.limit);
  }

  async getServiceChangesSince(
    from: Date,
    limit: number,
  ): Promise<PolicyStateChange[]> {
    const rows = await this.knex(CHANGES)
      .where('changed_at', '>=', from)
      .where('slo_name', SERVICE_SLO_NAME)
      .whereNotNull('from_state')
      .orderBy([
        { column: 'changed_at', order: 'asc' },
        { column: 'id', order: 'asc' },
      ])
      .limit(limit)
      .select();
    return rows.map(toChange);
  }

  async listEntitiesWithStates(): Promise<string[]> {
    const rows = await this.knex(STATES).distinct('entity_ref');
    return rows.map(row => row.entity_ref);
  }

  async listEntityRefs(): Promise<string[]> {
    const refs = new Set<string>();
    for (const table of ALL_TABLES) {
      const rows = await this.knex(table).distinct('entity_ref');
      rows.forEach(row => refs.add(row.entity_ref));
    }
    return [...refs].sort();
  }

  async deleteStates(entityRefs: string[]): Promise<number> {
    let deleted = 0;
    for (const refs of chunk(entityRefs, IN_LIST_LIMIT)) {
      deleted += await this.knex(STATES).whereIn('entity_ref', refs).delete();
    }
    return deleted;
  }

  async deleteEntities(entityRefs: string[]): Promise<void> {
    for (const refs of chunk(entityRefs, IN_LIST_LIMIT)) {
      await this.knex.transaction(async trx => {
        for (const table of ALL_TABLES) {
          await trx(table).whereIn('entity_ref', refs).delete();
        }
      });
    }
  }

  async recordGateAnswer(
    answer: DeployGateAnswerRecord,
    keepPerEntity: number,
  ): Promise<void> {
    await this.knex.transaction(async trx => {
      await trx(ANSWERS).insert({
        entity_ref: answer.entityRef,
        decision: answer.decision,
        policy_decision: answer.policyDecision,
        overridden: answer.overridden,
        state: answer.state,
        asked_by: answer.askedBy,
        context: answer.context,
        asked_at: new Date(answer.askedAt),
      });
      const [oldestKept] = await trx(ANSWERS)
        .where({ entity_ref: answer.entityRef })
        .orderBy('id', 'desc')
        .offset(keepPerEntity - 1)
        .limit(1)
        .select('id');
      if (oldestKept) {
        await trx(ANSWERS)
          .where({ entity_ref: answer.entityRef })
          .where('id', '<', oldestKept.id)
          .delete();
      }
    });
  }

  async getGateAnswers(
    entityRef: string,
    limit: number,
  ): Promise<DeployGateAnswerRecord[]> {
    const rows = await this.knex(ANSWERS)
      .where({ entity_ref: entityRef })
      .orderBy('id', 'desc')
      .limit(limit)
      .select();
    return rows.map(toAnswer);
  }

  async getLastGateAnswers(
    entityRefs: string[],
  ): Promise<Map<string, DeployGateAnswerRecord>> {
    const last = new Map<string, DeployGateAnswerRecord>();
    for (const refs of chunk(entityRefs, IN_LIST_LIMIT)) {
      // Answers are numbered in the order they were recorded: the highest id of an entity is its newest answer.
      const rows = await this.knex(ANSWERS)
        .whereIn(
          'id',
          this.knex(ANSWERS)
            .whereIn('entity_ref', refs)
            .groupBy('entity_ref')
            .max('id'),
        )
        .select();
      for (const row of rows) {
        last.set(row.entity_ref, toAnswer(row));
      }
    }
    return last;
  }

  async createOverride(override: DeployGateOverride): Promise<void> {
    await this.knex(OVERRIDES).insert({
      id: override.id,
      entity_ref: override.entityRef,
      reason: override.reason,
      created_by: override.createdBy,
      created_at: new Date(override.createdAt),
      expires_at: new Date(override.expiresAt),
    });
  }

  async getOverrides(
    entityRef: string,
    expiringAfter: Date,
  ): Promise<DeployGateOverride[]> {
    const rows = await this.knex(OVERRIDES)
      .where({ entity_ref: entityRef })
      .where('expires_at', '>', expiringAfter)
      .where(ended =>
        ended.whereNull('revoked_at').orWhere('revoked_at', '>', expiringAfter),
      )
      .orderBy([
        { column: 'created_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .select();
    return rows.map(toOverride);
  }

  async getOverridesCreatedBetween(
    entityRefs: string[],
    from: Date,
    to: Date,
    limit: number,
  ): Promise<DeployGateOverride[]> {
    const overrides: DeployGateOverride[] = [];
    for (const refs of chunk([...new Set(entityRefs)], IN_LIST_LIMIT)) {
      const rows = await this.knex(OVERRIDES)
        .whereIn('entity_ref', refs)
        .where('created_at', '>=', from)
        .where('created_at', '<=', to)
        .orderBy([
          { column: 'created_at', order: 'asc' },
          { column: 'id', order: 'asc' },
        ])
        .limit(limit)
        .select();
      overrides.push(...rows.map(toOverride));
    }
    return overrides
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
      .slice(0, limit);
  }

  async getOverride(
    entityRef: string,
    id: string,
  ): Promise<DeployGateOverride | undefined> {
    const row = await this.knex(OVERRIDES)
      .where({ entity_ref: entityRef, id })
      .first();
    return row ? toOverride(row) : undefined;
  }

  async revokeOverride(
    entityRef: string,
    id: string,
    revocation: DeployGateOverrideRevocation,
  ): Promise<boolean> {
    const updated = await this.knex(OVERRIDES)
      .where({ entity_ref: entityRef, id })
      .whereNull('revoked_at')
      .update({
        revoked_at: new Date(revocation.at),
        revoked_by: revocation.by,
        revoke_reason: revocation.reason,
      });
    return updated > 0;
  }

  async deleteOlderThan(
    before: Date,
  ): Promise<{ changes: number; answers: number; overrides: number }> {
    const changes = await this.knex(CHANGES)
      .where('changed_at', '<', before)
      .delete();
    const answers = await this.knex(ANSWERS)
      .where('asked_at', '<', before)
      .delete();
    const overrides = await this.knex(OVERRIDES)
      .where('expires_at', '<', before)
      .orWhere('revoked_at', '<', before)
      .delete();
    return { changes, answers, overrides };
  }
}
