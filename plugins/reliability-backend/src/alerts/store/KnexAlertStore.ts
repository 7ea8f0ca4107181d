import {
  ALERT_STATES,
  AlertFiring,
  AlertGap,
  AlertState,
  AlertSummary,
  SourceAlert,
} from '@internal/backstage-plugin-reliability-common';
import { Knex } from 'knex';
import { chunk } from '../../shared/chunk';
import {
  AlertStore,
  AlertSync,
  FiringScope,
  MappedAlert,
  NO_ENTITY,
  StoredAlert,
} from './AlertStore';
import {
  dbBoolean,
  dbCount,
  dbDate,
  dbIsoOrNull,
  dbTextOrNull,
} from '../../shared/dbValues';

const INVENTORY = 'alert_inventory';
const FIRINGS = 'alert_firings';
const SYNCS = 'alert_syncs';
const SUMMARIES = 'alert_summaries';
/** The tables with an `entity_ref` column. */
const ENTITY_TABLES = [INVENTORY, FIRINGS, SUMMARIES];
/** Refs or ids per `whereIn` list. */
const CHUNK = 500;
/** Rows per multi-row insert (14 columns: far below the bind-parameter limits). */
const INSERT_BATCH = 50;

function parseLabels(text: unknown): Record<string, string> {
  try {
    const value = JSON.parse(String(text));
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => [k, String(v)]),
      );
    }
  } catch {
    // fall through
  }
  return {};
}

function toAlert(row: Record<string, any>): StoredAlert {
  return {
    source: String(row.source),
    id: String(row.alert_id),
    entityRef: String(row.entity_ref),
    name: String(row.name),
    state: ALERT_STATES.includes(row.state)
      ? (row.state as AlertState)
      : 'no-data',
    severity: dbTextOrNull(row.severity),
    pages: dbBoolean(row.pages),
    labels: parseLabels(row.labels),
    runbookUrl: dbTextOrNull(row.runbook_url),
    description: dbTextOrNull(row.description),
    url: dbTextOrNull(row.url),
    query: dbTextOrNull(row.query),
    updatedAt: dbDate(row.updated_at),
  };
}

function alertRow(
  source: string,
  entityRef: string,
  alert: SourceAlert,
  at: Date,
) {
  return {
    source,
    alert_id: alert.id,
    entity_ref: entityRef,
    name: alert.name,
    state: alert.state,
    severity: alert.severity,
    pages: alert.pages,
    runbook_url: alert.runbookUrl,
    description: alert.description,
    url: alert.url,
    labels: JSON.stringify(alert.labels),
    query: alert.query,
    updated_at: at,
  };
}

function toFiring(row: Record<string, any>): AlertFiring {
  return {
    alertId: String(row.alert_id),
    startedAt: dbDate(row.started_at).toISOString(),
    resolvedAt: dbIsoOrNull(row.resolved_at),
  };
}

function toSummary(row: Record<string, any>): AlertSummary {
  let gap: AlertGap | null = null;
  if (row.gap) {
    try {
      gap = JSON.parse(String(row.gap));
    } catch {
      gap = null;
    }
  }
  return {
    entityRef: String(row.entity_ref),
    ownerRef: dbTextOrNull(row.owner_ref),
    alerts: dbCount(row.alert_count),
    pagingAlerts: dbCount(row.paging_count),
    pagingWithRunbook: dbCount(row.paging_with_runbook),
    firing: dbCount(row.firing_count),
    noisy: dbCount(row.noisy_count),
    fired: dbCount(row.fired_count),
    sloBasedPaging: dbCount(row.slo_based_paging),
    stale: dbBoolean(row.stale),
    gap,
    updatedAt: dbDate(row.updated_at).toISOString(),
  };
}

/** Knex (SQLite / PostgreSQL) implementation of the alert store. */
export class KnexAlertStore implements AlertStore {
  private readonly db: Knex;

  constructor(options: { knex: Knex }) {
    this.db = options.knex;
  }

  async upsertEntityAlerts(
    entityRef: string,
    source: string,
    alerts: SourceAlert[],
    options: { at: Date; replace: boolean },
  ): Promise<{ removed: number }> {
    return this.db.transaction(async tx => {
      let removed = 0;
      if (options.replace) {
        const keep = new Set(alerts.map(a => a.id));
        const gone = (
          await tx(INVENTORY)
            .where({ source, entity_ref: entityRef })
            .select('alert_id')
        )
          .map(row => String(row.alert_id))
          .filter(id => !keep.has(id));
        for (const ids of chunk(gone, CHUNK)) {
          removed += await tx(INVENTORY)
            .where({ source, entity_ref: entityRef })
            .whereIn('alert_id', ids)
            .delete();
          await tx(FIRINGS)
            .where({ source, entity_ref: entityRef })
            .whereIn('alert_id', ids)
            .delete();
        }
      }
      for (const batch of chunk(alerts, INSERT_BATCH)) {
        await tx(INVENTORY)
          .insert(batch.map(a => alertRow(source, entityRef, a, options.at)))
          .onConflict(['source', 'alert_id', 'entity_ref'])
          .merge();
      }
      return { removed };
    });
  }

  async findAlertIds(
    entityRef: string,
    source: string,
    alertIds: string[],
  ): Promise<Set<string>> {
    const found = new Set<string>();
    for (const ids of chunk([...new Set(alertIds)], CHUNK)) {
      const rows = await this.db(INVENTORY)
        .where({ source, entity_ref: entityRef })
        .whereIn('alert_id', ids)
        .select('alert_id');
      rows.forEach(row => found.add(String(row.alert_id)));
    }
    return found;
  }

  async replaceSourceAlerts(
    source: string,
    alerts: MappedAlert[],
    at: Date,
  ): Promise<void> {
    await this.db.transaction(async tx => {
      await tx(INVENTORY).where({ source }).delete();
      for (const batch of chunk(alerts, INSERT_BATCH)) {
        await tx(INVENTORY).insert(
          batch.map(m => alertRow(source, m.entityRef, m.alert, at)),
        );
      }
      // Firings of alerts the source no longer has.
      const ids = new Set(alerts.map(m => m.alert.id));
      const stored = (
        await tx(FIRINGS)
          .where({ source, entity_ref: NO_ENTITY })
          .distinct('alert_id')
      ).map(row => String(row.alert_id));
      for (const gone of chunk(
        stored.filter(id => !ids.has(id)),
        CHUNK,
      )) {
        await tx(FIRINGS)
          .where({ source, entity_ref: NO_ENTITY })
          .whereIn('alert_id', gone)
          .delete();
      }
    });
  }

  async upsertFirings(
    scope: FiringScope,
    firings: AlertFiring[],
  ): Promise<number> {
    if (firings.length === 0) return 0;
    await this.db.transaction(async tx => {
      for (const batch of chunk(firings, INSERT_BATCH)) {
        await tx(FIRINGS)
          .insert(
            batch.map(f => ({
              source: scope.source,
              alert_id: f.alertId,
              entity_ref: scope.scope,
              started_at: new Date(f.startedAt),
              resolved_at: f.resolvedAt ? new Date(f.resolvedAt) : null,
            })),
          )
          .onConflict(['source', 'alert_id', 'entity_ref', 'started_at'])
          .merge(['resolved_at']);
      }
    });
    return firings.length;
  }

  async replaceSourceFirings(
    source: string,
    from: Date,
    firings: AlertFiring[],
  ): Promise<void> {
    await this.db.transaction(async tx => {
      await tx(FIRINGS)
        .where({ source, entity_ref: NO_ENTITY })
        .andWhere(q =>
          q
            .where('started_at', '>=', from)
            .orWhereNull('resolved_at')
            .orWhere('resolved_at', '>=', from),
        )
        .delete();
      for (const batch of chunk(firings, INSERT_BATCH)) {
        await tx(FIRINGS)
          .insert(
            batch.map(f => ({
              source,
              alert_id: f.alertId,
              entity_ref: NO_ENTITY,
              started_at: new Date(f.startedAt),
              resolved_at: f.resolvedAt ? new Date(f.resolvedAt) : null,
            })),
          )
          .onConflict(['source', 'alert_id', 'entity_ref', 'started_at'])
          .merge(['resolved_at']);
      }
    });
  }

  async listOpenFirings(scope: FiringScope): Promise<AlertFiring[]> {
    const rows = await this.db(FIRINGS)
      .where({ source: scope.source, entity_ref: scope.scope })
      .whereNull('resolved_at')
      .select();
    return rows.map(toFiring);
  }

  async resolveFirings(
    scope: FiringScope,
    firings: Array<{ alertId: string; startedAt: string }>,
    resolvedAt: Date,
  ): Promise<void> {
    await this.db.transaction(async tx => {
      for (const firing of firings) {
        await tx(FIRINGS)
          .where({
            source: scope.source,
            entity_ref: scope.scope,
            alert_id: firing.alertId,
            started_at: new Date(firing.startedAt),
          })
          .whereNull('resolved_at')
          .update({ resolved_at: resolvedAt });
      }
    });
  }

  async recordSync(
    source: string,
    outcome: { at: Date; error: string | null },
  ): Promise<void> {
    const row = {
      source,
      checked_at: outcome.at,
      error: outcome.error,
      ...(outcome.error === null ? { synced_at: outcome.at } : {}),
    };
    await this.db(SYNCS)
      .insert({ synced_at: null, ...row })
      .onConflict('source')
      .merge(Object.keys(row).filter(k => k !== 'source'));
  }

  async listSyncs(): Promise<AlertSync[]> {
    const rows = await this.db(SYNCS).orderBy('source').select();
    return rows.map(row => ({
      source: String(row.source),
      syncedAt:
        row.synced_at === null || row.synced_at === undefined
          ? null
          : dbDate(row.synced_at),
      checkedAt: dbDate(row.checked_at),
      error: dbTextOrNull(row.error),
    }));
  }

  async listAlerts(entityRefs: string[]): Promise<StoredAlert[]> {
    const alerts: StoredAlert[] = [];
    for (const refs of chunk([...new Set(entityRefs)], CHUNK)) {
      const rows = await this.db(INVENTORY)
        .whereIn('entity_ref', refs)
        .orderBy([
          { column: 'entity_ref' },
          { column: 'source' },
          { column: 'alert_id' },
        ])
        .select();
      alerts.push(...rows.map(toAlert));
    }
    return alerts;
  }

  async listFirings(
    scope: FiringScope,
    alertIds: string[],
    since: Date,
  ): Promise<Map<string, AlertFiring[]>> {
    const result = new Map<string, AlertFiring[]>();
    for (const ids of chunk([...new Set(alertIds)], CHUNK)) {
      const rows = await this.db(FIRINGS)
        .where({ source: scope.source, entity_ref: scope.scope })
        .whereIn('alert_id', ids)
        .andWhere(q =>
          q.where('started_at', '>=', since).orWhereNull('resolved_at'),
        )
        .orderBy('started_at')
        .select();
      for (const firing of rows.map(toFiring)) {
        result.set(firing.alertId, [
          ...(result.get(firing.alertId) ?? []),
          firing,
        ]);
      }
    }
    return result;
  }

  async replaceSummaries(summaries: AlertSummary[]): Promise<void> {
    if (summaries.length === 0) return;
    await this.db.transaction(async tx => {
      for (const batch of chunk(summaries, INSERT_BATCH)) {
        await tx(SUMMARIES)
          .insert(
            batch.map(s => ({
              entity_ref: s.entityRef,
              owner_ref: s.ownerRef,
              alert_count: s.alerts,
              paging_count: s.pagingAlerts,
              paging_with_runbook: s.pagingWithRunbook,
              firing_count: s.firing,
              noisy_count: s.noisy,
              fired_count: s.fired,
              slo_based_paging: s.sloBasedPaging,
              stale: s.stale,
              gap: s.gap ? JSON.stringify(s.gap) : null,
              updated_at: new Date(s.updatedAt),
            })),
          )
          .onConflict('entity_ref')
          .merge();
      }
    });
  }

  async getSummaries(entityRefs: string[]): Promise<Map<string, AlertSummary>> {
    const result = new Map<string, AlertSummary>();
    for (const refs of chunk([...new Set(entityRefs)], CHUNK)) {
      const rows = await this.db(SUMMARIES)
        .whereIn('entity_ref', refs)
        .select();
      rows.forEach(row => result.set(String(row.entity_ref), toSummary(row)));
    }
    return result;
  }

  async listSummariesByOwner(ownerRef: string): Promise<AlertSummary[]> {
    const rows = await this.db(SUMMARIES)
      .where({ owner_ref: ownerRef })
      .orderBy('entity_ref')
      .select();
    return rows.map(toSummary);
  }

  async listSummaries(): Promise<AlertSummary[]> {
    const rows = await this.db(SUMMARIES).orderBy('entity_ref').select();
    return rows.map(toSummary);
  }

  async listEntityRefs(): Promise<string[]> {
    const [first, ...rest] = ENTITY_TABLES;
    let query = this.db.select('entity_ref').from(first);
    for (const table of rest) {
      query = query.union(q => q.select('entity_ref').from(table));
    }
    const rows = await query;
    return [...new Set(rows.map(row => String(row.entity_ref)))]
      .filter(ref => ref !== NO_ENTITY)
      .sort();
  }

  async listEntitiesWithAlerts(): Promise<string[]> {
    const rows = await this.db(INVENTORY)
      .whereNot({ entity_ref: NO_ENTITY })
      .distinct('entity_ref');
    return rows.map(row => String(row.entity_ref)).sort();
  }

  async deleteSummaries(entityRefs: string[]): Promise<void> {
    for (const refs of chunk([...new Set(entityRefs)], CHUNK)) {
      await this.db(SUMMARIES).whereIn('entity_ref', refs).delete();
    }
  }

  async deleteEntities(entityRefs: string[]): Promise<void> {
    const refs = [...new Set(entityRefs)].filter(ref => ref !== NO_ENTITY);
    for (const batch of chunk(refs, CHUNK)) {
      await this.db.transaction(async tx => {
        for (const table of ENTITY_TABLES) {
          await tx(table).whereIn('entity_ref', batch).delete();
        }
      });
    }
  }

  async deleteFiringsStartedBefore(cutOff: Date): Promise<number> {
    return this.db(FIRINGS).where('started_at', '<', cutOff).delete();
  }
}
