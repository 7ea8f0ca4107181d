import {
  SloAlertState,
  SloHistoryPoint,
  SloStatus,
  SloSummary,
} from '@internal/backstage-plugin-reliability-common';
import { Knex } from 'knex';
import { chunk } from '../../shared/chunk';
import { dbBoolean, dbDate, dbNumber } from '../../shared/dbValues';
import { downsampleHistory } from './downsampleHistory';
import {
  EntitySloFacts,
  SloDefinitionFacts,
  SloHistory,
  SloStore,
} from './SloStore';
import { summarizeSloRows } from './summarizeSloRows';

const SNAPSHOTS = 'slo_snapshots';
const LATEST = 'slo_latest';
const ENTITIES = 'slo_entities';
/** Bounds `IN (...)` lists well below every database's parameter limit. */
const IN_LIST_LIMIT = 1000;

function parseJson<T>(text: unknown, fallback: T): T {
  if (typeof text !== 'string') return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

function burnRatesByLabel(status: SloStatus): Record<string, number | null> {
  return Object.fromEntries(status.burnRates.map(w => [w.label, w.burnRate]));
}

/** SloStore on the plugin's database (SQLite or PostgreSQL). */
export class KnexSloStore implements SloStore {
  private readonly db: Knex;

  constructor(options: { knex: Knex }) {
    this.db = options.knex;
  }

  async recordStatus(
    entityRef: string,
    sloName: string,
    status: SloStatus,
    facts: SloDefinitionFacts,
  ): Promise<void> {
    const checkedAt = new Date(status.checkedAt);
    await this.db.transaction(async tx => {
      // A failed collection is recorded as a stale snapshot without numbers, so history shows the gap
      // instead of repeating old data; the newest state keeps the last good numbers.
      await tx(SNAPSHOTS).insert({
        entity_ref: entityRef,
        slo_name: sloName,
        collected_at: checkedAt,
        window_start: new Date(status.windowStart),
        window_end: new Date(status.windowEnd),
        good: status.stale ? null : status.good,
        total: status.stale ? null : status.total,
        attainment: status.stale ? null : status.attainment,
        budget_remaining: status.stale ? null : status.budgetRemaining,
        burn_rates: JSON.stringify(
          status.stale ? {} : burnRatesByLabel(status),
        ),
        alert_state: status.stale ? 'unknown' : status.alertState,
        stale: status.stale,
        error: status.error,
      });
      await tx(LATEST)
        .insert({
          entity_ref: entityRef,
          slo_name: sloName,
          collected_at: new Date(status.collectedAt),
          checked_at: checkedAt,
          attainment: status.attainment,
          budget_remaining: status.budgetRemaining,
          target: status.target,
          alert_state: status.alertState,
          stale: status.stale,
          error: status.error,
          alert_count: facts.alertCount,
          alerts_with_runbook: facts.alertsWithRunbook,
          has_burn_rate_alerts: facts.hasBurnRateAlerts,
          status: JSON.stringify(status),
        })
        .onConflict(['entity_ref', 'slo_name'])
        .merge();
    });
  }

  async recordEntityFacts(
    entityRef: string,
    facts: EntitySloFacts,
    at: Date,
  ): Promise<void> {
    await this.db.transaction(async tx => {
      await tx(ENTITIES)
        .insert({
          entity_ref: entityRef,
          slo_count: facts.sloNames.length,
          definition_errors: facts.definitionErrors,
          updated_at: at,
        })
        .onConflict('entity_ref')
        .merge();
      const removed = tx(LATEST).where('entity_ref', entityRef);
      if (facts.sloNames.length > 0) {
        removed.whereNotIn('slo_name', facts.sloNames);
      }
      await removed.delete();
    });
  }

  async getLatest(entityRef: string): Promise<Map<string, SloStatus>> {
    const rows = await this.db(LATEST)
      .where('entity_ref', entityRef)
      .select('slo_name', 'status');
    const result = new Map<string, SloStatus>();
    for (const row of rows) {
      const status = parseJson<SloStatus | undefined>(row.status, undefined);
      if (status) result.set(row.slo_name, status);
    }
    return result;
  }

  async getHistory(
    entityRef: string,
    sloName: string,
    from: Date,
    to: Date,
    maxPoints: number,
  ): Promise<SloHistory> {
    const rows = await this.db(SNAPSHOTS)
      .where({ entity_ref: entityRef, slo_name: sloName })
      .where('collected_at', '>=', from)
      .where('collected_at', '<=', to)
      .orderBy('collected_at', 'asc')
      .select(
        'collected_at',
        'window_start',
        'window_end',
        'attainment',
        'budget_remaining',
        'burn_rates',
        'alert_state',
        'stale',
      );
    const points: SloHistoryPoint[] = rows.map(row => ({
      at: dbDate(row.collected_at).toISOString(),
      windowStart: dbDate(row.window_start).toISOString(),
      windowEnd: dbDate(row.window_end).toISOString(),
      attainment: dbNumber(row.attainment),
      budgetRemaining: dbNumber(row.budget_remaining),
      burnRates: parseJson<Record<string, number | null>>(row.burn_rates, {}),
      alertState: row.alert_state as SloAlertState,
      stale: dbBoolean(row.stale),
    }));
    return downsampleHistory(points, from, to, maxPoints);
  }

  async getSummaries(entityRefs: string[]): Promise<Map<string, SloSummary>> {
    const result = new Map<string, SloSummary>();
    const unique = [...new Set(entityRefs)];
    for (const refs of chunk(unique, IN_LIST_LIMIT)) {
      const rows = await this.db(`${ENTITIES} as e`)
        .leftJoin(`${LATEST} as l`, 'l.entity_ref', 'e.entity_ref')
        .whereIn('e.entity_ref', refs)
        .select(
          'e.entity_ref as entity_ref',
          'e.slo_count as slo_count',
          'e.definition_errors as definition_errors',
          'e.updated_at as updated_at',
          'l.slo_name as slo_name',
          'l.attainment as attainment',
          'l.budget_remaining as budget_remaining',
          'l.target as target',
          'l.alert_state as alert_state',
          'l.stale as stale',
          'l.alert_count as alert_count',
          'l.alerts_with_runbook as alerts_with_runbook',
          'l.has_burn_rate_alerts as has_burn_rate_alerts',
          'l.checked_at as checked_at',
          'l.status as status',
        );
      const byEntity = new Map<string, typeof rows>();
      for (const row of rows) {
        const list = byEntity.get(row.entity_ref) ?? [];
        list.push(row);
        byEntity.set(row.entity_ref, list);
      }
      for (const [entityRef, entityRows] of byEntity) {
        const first = entityRows[0];
        const sloRows = entityRows
          .filter(row => row.slo_name !== null && row.slo_name !== undefined)
          .map(row => ({
            attainment: dbNumber(row.attainment),
            budgetRemaining: dbNumber(row.budget_remaining),
            target: dbNumber(row.target) ?? 1,
            alertState: String(row.alert_state),
            stale: dbBoolean(row.stale),
            alertCount: dbNumber(row.alert_count) ?? 0,
            alertsWithRunbook: dbNumber(row.alerts_with_runbook) ?? 0,
            hasBurnRateAlerts: dbBoolean(row.has_burn_rate_alerts),
            checkedAt: dbDate(row.checked_at),
            metLastWindow:
              parseJson<Partial<SloStatus> | null>(row.status, null)?.lastWindow
                ?.met ?? null,
          }));
        result.set(
          entityRef,
          summarizeSloRows(
            entityRef,
            {
              sloCount: dbNumber(first.slo_count) ?? 0,
              definitionErrors: dbNumber(first.definition_errors) ?? 0,
              updatedAt: dbDate(first.updated_at),
            },
            sloRows,
          ),
        );
      }
    }
    return result;
  }

  async listEntityRefs(): Promise<string[]> {
    const refs = new Set<string>();
    for (const table of [ENTITIES, LATEST, SNAPSHOTS]) {
      const rows = await this.db(table).distinct('entity_ref');
      for (const row of rows) refs.add(row.entity_ref);
    }
    return [...refs];
  }

  async deleteSnapshotsOlderThan(before: Date): Promise<number> {
    return this.db(SNAPSHOTS).where('collected_at', '<', before).delete();
  }

  async deleteEntities(entityRefs: string[]): Promise<void> {
    for (const refs of chunk(entityRefs, IN_LIST_LIMIT)) {
      await this.db.transaction(async tx => {
        for (const table of [SNAPSHOTS, LATEST, ENTITIES]) {
          await tx(table).whereIn('entity_ref', refs).delete();
        }
      });
    }
  }
}
