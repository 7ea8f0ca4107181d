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
  BIND_PARAMETER_BUDGET,
  chunkRows,
  rowsPerStatement,
} from '../../shared/bindParameters';
import { collectionRows, entityRow, latestRow, snapshotRow } from './sloRows';
import {
  EntitySloCollection,
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

/** `met_last_window` as stored (a boolean, or 0/1 on SQLite), null when not known. */
function metOf(value: unknown): boolean | null {
  return value === null || value === undefined ? null : dbBoolean(value);
}

/**
 * The stored status of a `slo_latest` row (alias `l`) whose `met_last_window` is null although its status says a
 * window was met or missed, as `status_if_unknown`: a row written during a rolling deploy by a replica still on
 * code older than the column says its last window only in the status. Every other row (the column set, or no
 * window decided: the status's `"met":null`) carries no status, so it is never parsed. (`JSON.stringify` writes
 * no spaces; a `"met"` of an objective other than the status's own only costs a parse, the answer is the status's.)
 */
const STATUS_IF_UNKNOWN = `CASE WHEN l.met_last_window IS NULL AND (l.status LIKE '%"met":true%' OR l.status LIKE '%"met":false%') THEN l.status END as status_if_unknown`;

/** Whether a row's SLO met its last window: the column, else its status (see {@link STATUS_IF_UNKNOWN}). */
function metOfRow(row: {
  met_last_window: unknown;
  status_if_unknown?: unknown;
}): boolean | null {
  const met = metOf(row.met_last_window);
  if (met !== null || typeof row.status_if_unknown !== 'string') return met;
  const status = parseJson<Partial<SloStatus> | null>(
    row.status_if_unknown,
    null,
  );
  return status?.lastWindow?.met ?? null;
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
    await this.db.transaction(async tx => {
      await tx(SNAPSHOTS).insert(snapshotRow(entityRef, sloName, status));
      await tx(LATEST)
        .insert(latestRow(entityRef, sloName, status, facts))
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
        .insert(entityRow(entityRef, facts, at))
        .onConflict('entity_ref')
        .merge();
      const removed = tx(LATEST).where('entity_ref', entityRef);
      if (facts.sloNames.length > 0) {
        removed.whereNotIn('slo_name', facts.sloNames);
      }
      await removed.delete();
    });
  }

  async recordCollections(
    collections: EntitySloCollection[],
    at: Date,
  ): Promise<void> {
    if (collections.length === 0) return;
    const rows = collectionRows(collections, at);
    await this.db.transaction(async tx => {
      for (const part of chunkRows(rows.entities)) {
        await tx(ENTITIES).insert(part).onConflict('entity_ref').merge();
      }
      await this.deleteLatestNotKept(tx, rows.keep);
      for (const part of chunkRows(rows.snapshots)) {
        await tx(SNAPSHOTS).insert(part);
      }
      for (const part of chunkRows(rows.latest)) {
        await tx(LATEST)
          .insert(part)
          .onConflict(['entity_ref', 'slo_name'])
          .merge();
      }
    });
  }

  /**
   * Deletes the newest states of SLOs an entity no longer defines: one read of the stored names per chunk of
   * entities, then deletes of the (usually no) states to drop, by (entity, SLO) pairs.
   */
  private async deleteLatestNotKept(
    tx: Knex.Transaction,
    keep: Map<string, Set<string>>,
  ): Promise<void> {
    const removed: string[][] = [];
    for (const refs of chunk([...keep.keys()], BIND_PARAMETER_BUDGET)) {
      const stored = await tx(LATEST)
        .whereIn('entity_ref', refs)
        .select('entity_ref', 'slo_name');
      for (const row of stored) {
        if (!keep.get(row.entity_ref)?.has(row.slo_name)) {
          removed.push([row.entity_ref, row.slo_name]);
        }
      }
    }
    for (const pairs of chunk(removed, rowsPerStatement(2))) {
      await tx(LATEST).whereIn(['entity_ref', 'slo_name'], pairs).delete();
    }
  }

  async getLatest(entityRef: string): Promise<Map<string, SloStatus>> {
    return (await this.getLatestOf([entityRef])).get(entityRef) ?? new Map();
  }

  async getLatestOf(
    entityRefs: string[],
  ): Promise<Map<string, Map<string, SloStatus>>> {
    const result = new Map<string, Map<string, SloStatus>>();
    for (const refs of chunk([...new Set(entityRefs)], IN_LIST_LIMIT)) {
      const rows = await this.db(LATEST)
        .whereIn('entity_ref', refs)
        .select('entity_ref', 'slo_name', 'status');
      for (const row of rows) {
        const status = parseJson<SloStatus | undefined>(row.status, undefined);
        if (!status) continue;
        const statuses = result.get(row.entity_ref) ?? new Map();
        statuses.set(row.slo_name, status);
        result.set(row.entity_ref, statuses);
      }
    }
    return result;
  }

  async getLastWindowMet(
    entityRefs: string[],
  ): Promise<Map<string, Map<string, boolean | null>>> {
    const result = new Map<string, Map<string, boolean | null>>();
    for (const refs of chunk([...new Set(entityRefs)], IN_LIST_LIMIT)) {
      const rows = await this.db(`${LATEST} as l`)
        .whereIn('l.entity_ref', refs)
        .select(
          'l.entity_ref as entity_ref',
          'l.slo_name as slo_name',
          'l.met_last_window as met_last_window',
          this.db.raw(STATUS_IF_UNKNOWN),
        );
      for (const row of rows) {
        const slos = result.get(row.entity_ref) ?? new Map();
        slos.set(row.slo_name, metOfRow(row));
        result.set(row.entity_ref, slos);
      }
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

  async getLastAlertStateAt(
    entityRefs: string[],
    alertState: SloAlertState,
    since: Date,
  ): Promise<Map<string, Date>> {
    const result = new Map<string, Date>();
    for (const refs of chunk([...new Set(entityRefs)], IN_LIST_LIMIT)) {
      const rows: Array<{ entity_ref: string; last: unknown }> = await this.db(
        SNAPSHOTS,
      )
        .whereIn('entity_ref', refs)
        .where('alert_state', alertState)
        .where('collected_at', '>=', since)
        .groupBy('entity_ref')
        .select('entity_ref', this.db.raw('max(collected_at) as last'));
      for (const row of rows) result.set(row.entity_ref, dbDate(row.last));
    }
    return result;
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
          'l.met_last_window as met_last_window',
          this.db.raw(STATUS_IF_UNKNOWN),
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
            metLastWindow: metOfRow(row),
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
