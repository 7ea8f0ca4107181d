import {
  ACTION_ITEM_STATUSES,
  ActionItemStatus,
  ActionItemView,
  INCIDENT_SEVERITIES,
  INCIDENT_STATUSES,
  Incident,
  IncidentSeverity,
  IncidentStatus,
  IncidentSummary,
} from '@internal/backstage-plugin-reliability-common';
import { Knex } from 'knex';
import { chunk } from '../../shared/chunk';
import {
  dbBoolean,
  dbCount,
  dbDate,
  dbIsoOrNull,
  dbNumber,
} from '../../shared/dbValues';
import { IncidentStore, IncidentSync } from './IncidentStore';

const INCIDENTS = 'incidents';
const SYNCS = 'incident_syncs';
const ACTION_ITEMS = 'incident_action_items';
const SUMMARIES = 'incident_summaries';
const TABLES = [INCIDENTS, SYNCS, ACTION_ITEMS, SUMMARIES];
/** Refs or ids per `whereIn` list. */
const CHUNK = 500;
/** Rows per multi-row insert (12 columns: far below the bind-parameter limits). */
const INSERT_BATCH = 50;

function oneOf<T extends string>(
  values: readonly T[],
  value: unknown,
  fallback: T,
): T {
  return values.includes(value as T) ? (value as T) : fallback;
}

function toIncident(row: Record<string, unknown>): Incident {
  return {
    id: String(row.external_id),
    source: String(row.source),
    title: String(row.title),
    severity: oneOf<IncidentSeverity>(
      INCIDENT_SEVERITIES,
      row.severity,
      'sev5',
    ),
    status: oneOf<IncidentStatus>(INCIDENT_STATUSES, row.status, 'triggered'),
    startedAt: dbDate(row.started_at).toISOString(),
    acknowledgedAt: dbIsoOrNull(row.acknowledged_at),
    resolvedAt: dbIsoOrNull(row.resolved_at),
    url: row.url === null || row.url === undefined ? null : String(row.url),
  };
}

/** Knex (SQLite / PostgreSQL) implementation of the incident store. */
export class KnexIncidentStore implements IncidentStore {
  private readonly db: Knex;

  constructor(options: { knex: Knex }) {
    this.db = options.knex;
  }

  async upsertIncidents(
    entityRef: string,
    incidents: Incident[],
    updatedAt: Date,
  ): Promise<number> {
    if (incidents.length === 0) return 0;
    await this.db.transaction(async tx => {
      for (const batch of chunk(incidents, INSERT_BATCH)) {
        await tx(INCIDENTS)
          .insert(
            batch.map(incident => ({
              entity_ref: entityRef,
              source: incident.source,
              external_id: incident.id,
              title: incident.title,
              severity: incident.severity,
              status: incident.status,
              started_at: new Date(incident.startedAt),
              acknowledged_at: incident.acknowledgedAt
                ? new Date(incident.acknowledgedAt)
                : null,
              resolved_at: incident.resolvedAt
                ? new Date(incident.resolvedAt)
                : null,
              url: incident.url,
              updated_at: updatedAt,
            })),
          )
          .onConflict(['entity_ref', 'source', 'external_id'])
          .merge([
            'title',
            'severity',
            'status',
            'started_at',
            'acknowledged_at',
            'resolved_at',
            'url',
            'updated_at',
          ]);
      }
    });
    return incidents.length;
  }

  async listIncidents(entityRef: string, since: Date): Promise<Incident[]> {
    const rows = await this.db(INCIDENTS)
      .where({ entity_ref: entityRef })
      .andWhere('started_at', '>=', since)
      .orderBy([
        { column: 'started_at', order: 'desc' },
        { column: 'external_id', order: 'asc' },
      ])
      .select();
    return rows.map(toIncident);
  }

  async findIncidentIds(
    entityRef: string,
    ids: string[],
  ): Promise<Set<string>> {
    const found = new Set<string>();
    const lowered = [...new Set(ids.map(id => id.toLowerCase()))];
    for (const batch of chunk(lowered, CHUNK)) {
      const rows = await this.db(INCIDENTS)
        .where({ entity_ref: entityRef })
        .whereRaw(
          `lower(external_id) in (${batch.map(() => '?').join(', ')})`,
          batch,
        )
        .select('external_id');
      rows.forEach(row => found.add(String(row.external_id).toLowerCase()));
    }
    return found;
  }

  async earliestOpenStart(
    entityRef: string,
    source: string,
  ): Promise<Date | null> {
    const [row] = await this.db(INCIDENTS)
      .where({ entity_ref: entityRef, source })
      .whereNot({ status: 'resolved' })
      .min({ earliest: 'started_at' });
    return row?.earliest === null || row?.earliest === undefined
      ? null
      : dbDate(row.earliest);
  }

  async listSources(entityRef: string): Promise<string[]> {
    const rows = await this.db(INCIDENTS)
      .where({ entity_ref: entityRef })
      .distinct('source')
      .orderBy('source');
    return rows.map(row => String(row.source));
  }

  async recordSync(
    entityRef: string,
    source: string,
    outcome: { at: Date; error: string | null },
  ): Promise<void> {
    const row = {
      entity_ref: entityRef,
      source,
      checked_at: outcome.at,
      error: outcome.error,
      ...(outcome.error === null ? { synced_at: outcome.at } : {}),
    };
    await this.db(SYNCS)
      .insert({ synced_at: null, ...row })
      .onConflict(['entity_ref', 'source'])
      .merge(
        Object.keys(row).filter(k => k !== 'entity_ref' && k !== 'source'),
      );
  }

  async listSyncs(entityRef: string): Promise<IncidentSync[]> {
    const rows = await this.db(SYNCS)
      .where({ entity_ref: entityRef })
      .orderBy('source')
      .select();
    return rows.map(row => ({
      source: String(row.source),
      syncedAt:
        row.synced_at === null || row.synced_at === undefined
          ? null
          : dbDate(row.synced_at),
      checkedAt: dbDate(row.checked_at),
      error: row.error ?? null,
    }));
  }

  async replaceSummary(
    summary: IncidentSummary,
    actionItems: ActionItemView[],
  ): Promise<void> {
    const { entityRef } = summary;
    await this.db.transaction(async tx => {
      await tx(ACTION_ITEMS).where({ entity_ref: entityRef }).delete();
      const positions = new Map<string, number>();
      for (const batch of chunk(actionItems, INSERT_BATCH)) {
        await tx(ACTION_ITEMS).insert(
          batch.map(item => {
            const position = positions.get(item.postmortemId) ?? 0;
            positions.set(item.postmortemId, position + 1);
            return {
              entity_ref: entityRef,
              postmortem_id: item.postmortemId,
              position,
              postmortem_title: item.postmortemTitle.slice(0, 255),
              title: item.title,
              owner: item.owner?.slice(0, 255) ?? null,
              due: item.due,
              status: item.status,
              issue: item.issue,
              overdue: item.overdue,
            };
          }),
        );
      }
      await tx(SUMMARIES)
        .insert({
          entity_ref: entityRef,
          incident_count: summary.incidents,
          open_count: summary.openIncidents,
          postmortems_due: summary.postmortemsDue,
          postmortems_overdue: summary.postmortemsOverdue,
          open_action_items: summary.openActionItems,
          overdue_action_items: summary.overdueActionItems,
          acknowledged_count: summary.acknowledged,
          mtta_seconds: summary.mttaSeconds,
          acknowledge_target_seconds: summary.acknowledgeTargetSeconds,
          acknowledge_target_set_by: summary.acknowledgeTargetSetBy ?? null,
          acknowledge_target_problem: summary.acknowledgeTargetProblem ?? null,
          updated_at: new Date(summary.updatedAt),
        })
        .onConflict('entity_ref')
        .merge();
    });
  }

  async getSummaries(
    entityRefs: string[],
  ): Promise<Map<string, IncidentSummary>> {
    const result = new Map<string, IncidentSummary>();
    for (const batch of chunk([...new Set(entityRefs)], CHUNK)) {
      const rows = await this.db(SUMMARIES)
        .whereIn('entity_ref', batch)
        .select();
      for (const row of rows) {
        result.set(row.entity_ref, {
          entityRef: row.entity_ref,
          incidents: dbCount(row.incident_count),
          openIncidents: dbCount(row.open_count),
          postmortemsDue: dbCount(row.postmortems_due),
          postmortemsOverdue: dbCount(row.postmortems_overdue),
          openActionItems: dbCount(row.open_action_items),
          overdueActionItems: dbCount(row.overdue_action_items),
          acknowledged: dbCount(row.acknowledged_count),
          mttaSeconds: dbNumber(row.mtta_seconds),
          acknowledgeTargetSeconds: dbNumber(row.acknowledge_target_seconds),
          acknowledgeTargetSetBy: row.acknowledge_target_set_by ?? null,
          acknowledgeTargetProblem: row.acknowledge_target_problem ?? null,
          updatedAt: dbDate(row.updated_at).toISOString(),
        });
      }
    }
    return result;
  }

  /** The stored action items of an entity, in postmortem and list order (tests and later team views). */
  async listActionItems(entityRef: string): Promise<ActionItemView[]> {
    const rows = await this.db(ACTION_ITEMS)
      .where({ entity_ref: entityRef })
      .orderBy([{ column: 'postmortem_id' }, { column: 'position' }])
      .select();
    return rows.map(row => ({
      postmortemId: row.postmortem_id,
      postmortemTitle: row.postmortem_title,
      title: row.title,
      owner: row.owner ?? null,
      due: row.due ?? null,
      status: oneOf<ActionItemStatus>(ACTION_ITEM_STATUSES, row.status, 'open'),
      issue: row.issue ?? null,
      overdue: dbBoolean(row.overdue),
    }));
  }

  async listEntityRefs(): Promise<string[]> {
    const [first, ...rest] = TABLES;
    let query = this.db.select('entity_ref').from(first);
    for (const table of rest) {
      query = query.union(q => q.select('entity_ref').from(table));
    }
    const rows = await query;
    return [...new Set(rows.map(row => String(row.entity_ref)))].sort();
  }

  async listEntitiesWithIncidents(): Promise<string[]> {
    const rows = await this.db(INCIDENTS).distinct('entity_ref');
    return rows.map(row => String(row.entity_ref)).sort();
  }

  async deleteSummaries(entityRefs: string[]): Promise<void> {
    await this.deleteFrom([SYNCS, ACTION_ITEMS, SUMMARIES], entityRefs);
  }

  async deleteEntities(entityRefs: string[]): Promise<void> {
    await this.deleteFrom(TABLES, entityRefs);
  }

  async deleteIncidentsStartedBefore(cutOff: Date): Promise<number> {
    return this.db(INCIDENTS).where('started_at', '<', cutOff).delete();
  }

  private async deleteFrom(tables: string[], entityRefs: string[]) {
    for (const batch of chunk([...new Set(entityRefs)], CHUNK)) {
      await this.db.transaction(async tx => {
        for (const table of tables) {
          await tx(table).whereIn('entity_ref', batch).delete();
        }
      });
    }
  }
}
