import {
  RUNBOOK_KINDS,
  RunbookEntry,
  RunbookKind,
  RunbookSource,
  RunbookSummary,
} from '@internal/backstage-plugin-reliability-common';
import { Knex } from 'knex';
import { chunk } from '../../shared/chunk';
import { refsNotIn } from '../../shared/refsNotIn';
import { dbBoolean, dbDate, dbNumber } from '../../shared/dbValues';
import {
  IndexedEntityRunbooks,
  RunbookStore,
  StaleRunbook,
  StaleRunbookKey,
} from './RunbookStore';
import { chunkRows } from '../../shared/bindParameters';
import { indexRows, latestRow } from './runbookRows';

const INDEX_TABLE = 'runbooks_index';
const LATEST_TABLE = 'runbooks_latest';
/** Refs per `whereIn` list. */
const CHUNK = 500;

function parseAnswers(value: unknown): string[] {
  try {
    const parsed = JSON.parse(String(value));
    return Array.isArray(parsed)
      ? parsed.filter((a): a is string => typeof a === 'string')
      : [];
  } catch {
    return [];
  }
}

const SOURCES: RunbookSource[] = ['link', 'techdocs', 'markdown'];

/** Knex (SQLite / PostgreSQL) implementation of the runbook store. */
export class KnexRunbookStore implements RunbookStore {
  private readonly db: Knex;

  constructor(options: { knex: Knex }) {
    this.db = options.knex;
  }

  /** One entity: the same as {@link KnexRunbookStore.replaceEntities} with just it. */
  async replaceEntity(indexed: IndexedEntityRunbooks): Promise<void> {
    await this.replaceEntities([indexed]);
  }

  async replaceEntities(entities: IndexedEntityRunbooks[]): Promise<void> {
    // An entity listed twice: its last state wins, as with one write after the other.
    const distinct = [...new Map(entities.map(e => [e.entityRef, e])).values()];
    if (distinct.length === 0) return;
    const refs = distinct.map(e => e.entityRef);
    await this.db.transaction(async tx => {
      for (const batch of chunk(refs, CHUNK)) {
        await tx(INDEX_TABLE).whereIn('entity_ref', batch).delete();
      }
      for (const rows of chunkRows(distinct.flatMap(indexRows))) {
        await tx(INDEX_TABLE).insert(rows);
      }
      for (const rows of chunkRows(distinct.map(latestRow))) {
        await tx(LATEST_TABLE).insert(rows).onConflict('entity_ref').merge();
      }
    });
  }

  async removeEntitiesNotIn(keep: string[]): Promise<number> {
    const keepSet = new Set(keep);
    const gone = [
      ...new Set([
        ...(await refsNotIn(this.db, LATEST_TABLE, keepSet)),
        ...(await refsNotIn(this.db, INDEX_TABLE, keepSet)),
      ]),
    ];
    for (const batch of chunk(gone, CHUNK)) {
      await this.db.transaction(async tx => {
        await tx(INDEX_TABLE).whereIn('entity_ref', batch).delete();
        await tx(LATEST_TABLE).whereIn('entity_ref', batch).delete();
      });
    }
    return gone.length;
  }

  async getSummaries(
    entityRefs: string[],
  ): Promise<Map<string, RunbookSummary>> {
    const result = new Map<string, RunbookSummary>();
    for (const batch of chunk([...new Set(entityRefs)], CHUNK)) {
      const rows = await this.db(LATEST_TABLE)
        .whereIn('entity_ref', batch)
        .select();
      for (const row of rows) {
        result.set(row.entity_ref, {
          entityRef: row.entity_ref,
          runbookCount: dbNumber(row.runbook_count) ?? 0,
          staleCount: dbNumber(row.stale_count) ?? 0,
          coverage: dbNumber(row.coverage),
          updatedAt: dbDate(row.updated_at).toISOString(),
        });
      }
    }
    return result;
  }

  async listRunbooks(entityRef: string): Promise<RunbookEntry[]> {
    const rows = await this.db(INDEX_TABLE)
      .where({ entity_ref: entityRef })
      .orderBy('runbook_id')
      .select();
    return rows.map(toRunbookEntry);
  }

  async listRunbooksOf(
    entityRefs: string[],
  ): Promise<Map<string, RunbookEntry[]>> {
    const result = new Map<string, RunbookEntry[]>();
    for (const batch of chunk([...new Set(entityRefs)], CHUNK)) {
      const rows = await this.db(INDEX_TABLE)
        .whereIn('entity_ref', batch)
        .orderBy(['entity_ref', 'runbook_id'])
        .select();
      for (const row of rows) {
        const list = result.get(row.entity_ref) ?? [];
        list.push(toRunbookEntry(row));
        result.set(row.entity_ref, list);
      }
    }
    return result;
  }

  async listStaleRunbooks(options: {
    after?: StaleRunbookKey;
    limit: number;
  }): Promise<StaleRunbook[]> {
    const { after, limit } = options;
    const query = this.db(INDEX_TABLE).where('stale', true);
    if (after) {
      query.andWhere(q =>
        q
          .where('entity_ref', '>', after.entityRef)
          .orWhere(q2 =>
            q2
              .where('entity_ref', after.entityRef)
              .andWhere('runbook_id', '>', after.runbookId),
          ),
      );
    }
    const rows = await query
      .orderBy(['entity_ref', 'runbook_id'])
      .limit(limit)
      .select();
    return rows.map(row => ({
      entityRef: row.entity_ref,
      runbook: toRunbookEntry(row),
    }));
  }
}

function toRunbookEntry(row: Record<string, any>): RunbookEntry {
  return {
    id: row.runbook_id,
    title: row.title,
    kind: (RUNBOOK_KINDS as readonly string[]).includes(row.kind)
      ? (row.kind as RunbookKind)
      : 'runbook',
    answers: parseAnswers(row.answers),
    owner: row.owner ?? null,
    lastReviewed: row.last_reviewed ?? null,
    stale: dbBoolean(row.stale),
    url: row.url ?? null,
    source: SOURCES.includes(row.source) ? row.source : 'link',
    location: row.location ?? null,
    error: row.error ?? null,
  };
}
