/*
 * Direct seeding of the catalog's tables for benchmark-overview.ts (BENCH_SEED=direct): writes what the catalog's
 * processing and stitching would write for the benchmark's provider entities (refresh_state, relations,
 * refresh_state_references, final_entities and their search rows, built with the catalog's own
 * `buildEntitySearch`), in batches, so 100,000 services take minutes instead of the catalog's processing loop
 * (about 45 entities per second on this machine). `dumpCatalog` writes a normalised copy of both tables so a
 * direct seed can be compared with a provider seed of the same size (see docs/benchmarks.md).
 */
import { Entity } from '@backstage/catalog-model';
import { Knex } from 'knex';
import { createHash, randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { LOCATION_KEY } from './fixtures';

type SearchRow = {
  entity_id: string;
  key: string;
  value: string | null;
  original_value: string | null;
};

/** The catalog's own search-row builder (not exported by the package, so loaded from its dist by path). */
const buildEntitySearch: (entityId: string, entity: Entity) => SearchRow[] =
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(join(
    dirname(require.resolve('@backstage/plugin-catalog-backend/package.json')),
    'dist/database/operations/stitcher/buildEntitySearch.cjs.js',
  )).buildEntitySearch;

const refOf = (kind: string, name: string) =>
  `${kind.toLowerCase()}:default/${name}`;
const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

interface Relation {
  source: string;
  type: string;
  target: string;
}

/** The relations the catalog's built-in kinds processor emits for one benchmark entity (both directions). */
function emittedRelations(entity: Entity): Relation[] {
  const self = refOf(entity.kind, entity.metadata.name);
  const spec = entity.spec as Record<string, string>;
  const pairs: Array<[string, string, string]> = [
    ['ownedBy', 'ownerOf', refOf('group', spec.owner)],
  ];
  if (entity.kind === 'Component' && spec.system) {
    pairs.push(['partOf', 'hasPart', refOf('system', spec.system)]);
  }
  if (entity.kind === 'System' && spec.domain) {
    pairs.push(['partOf', 'hasPart', refOf('domain', spec.domain)]);
  }
  return pairs.flatMap(([type, reverse, other]) => [
    { source: self, type, target: other },
    { source: other, type: reverse, target: self },
  ]);
}

async function insertChunked(
  tx: Knex.Transaction,
  table: string,
  rows: object[],
  size: number,
) {
  // SQLite inserts many rows as one compound SELECT, at most 500 terms.
  const step = String(tx.client.config.client).includes('sqlite')
    ? Math.min(size, 400)
    : size;
  for (let k = 0; k < rows.length; k += step) {
    await tx(table).insert(rows.slice(k, k + step));
  }
}

/** Seeds the catalog database with the entities, as processed and stitched; returns the seconds it took. */
export async function seedCatalogDirectly(
  db: Knex,
  entities: Entity[],
): Promise<number> {
  const start = Date.now();
  // SQLite keeps timestamps as text (what the catalog's own writes leave); a Date would be stored as a number.
  const sqlite = String(db.client.config.client).includes('sqlite');
  const stamp = (date: Date) =>
    sqlite ? date.toISOString().replace('T', ' ').replace('Z', '') : date;
  const now = stamp(new Date());
  const nextUpdate = stamp(new Date(Date.now() + 24 * 3600_000));
  const ids = new Map<string, string>();
  const relationsBySource = new Map<string, Relation[]>();
  const emitted = new Map<string, Relation[]>();
  for (const entity of entities) {
    const ref = refOf(entity.kind, entity.metadata.name);
    ids.set(ref, randomUUID());
    const relations = emittedRelations(entity);
    emitted.set(ref, relations);
    for (const relation of relations) {
      const list = relationsBySource.get(relation.source) ?? [];
      list.push(relation);
      relationsBySource.set(relation.source, list);
    }
  }
  const BATCH = 1000;
  for (let b = 0; b < entities.length; b += BATCH) {
    const batch = entities.slice(b, b + BATCH);
    const refreshRows: object[] = [];
    const finalRows: object[] = [];
    const searchRows: SearchRow[] = [];
    const relationRows: object[] = [];
    const referenceRows: object[] = [];
    for (const entity of batch) {
      const ref = refOf(entity.kind, entity.metadata.name);
      const uid = ids.get(ref)!;
      const processed: Entity = {
        ...entity,
        metadata: {
          ...entity.metadata,
          namespace: 'default',
          annotations: {
            ...entity.metadata.annotations,
            'backstage.io/view-url': 'https://benchmark.invalid/seed',
          },
          uid,
        },
      };
      const relations = [
        ...new Map(
          (relationsBySource.get(ref) ?? []).map(r => [
            `${r.type}\0${r.target}`,
            r,
          ]),
        ).values(),
      ]
        .sort(
          (x, y) =>
            x.type.localeCompare(y.type) || x.target.localeCompare(y.target),
        )
        .map(r => ({ type: r.type, targetRef: r.target }));
      const final: Entity = { ...processed, relations };
      const hash = sha1(JSON.stringify(final));
      final.metadata = { ...final.metadata, etag: hash };
      refreshRows.push({
        entity_id: uid,
        entity_ref: ref,
        unprocessed_entity: JSON.stringify(entity),
        processed_entity: JSON.stringify(processed),
        cache: '{"ttl":5,"cache":{}}',
        errors: '[]',
        next_update_at: nextUpdate,
        last_discovery_at: now,
        location_key: LOCATION_KEY,
        result_hash: hash,
        unprocessed_hash: sha1(JSON.stringify(entity)),
      });
      finalRows.push({
        entity_id: uid,
        entity_ref: ref,
        hash,
        final_entity: JSON.stringify(final),
        last_updated_at: now,
      });
      searchRows.push(...buildEntitySearch(uid, final));
      for (const r of emitted.get(ref)!) {
        relationRows.push({
          originating_entity_id: uid,
          source_entity_ref: r.source,
          type: r.type,
          target_entity_ref: r.target,
        });
      }
      referenceRows.push({
        source_key: LOCATION_KEY,
        target_entity_ref: ref,
      });
    }
    await db.transaction(async tx => {
      await insertChunked(tx, 'refresh_state', refreshRows, 500);
      await insertChunked(tx, 'refresh_state_references', referenceRows, 1000);
      await insertChunked(tx, 'relations', relationRows, 2000);
      await insertChunked(tx, 'final_entities', finalRows, 500);
      await insertChunked(tx, 'search', searchRows, 2000);
    });
  }
  // What autovacuum would have done after a real seed: planner statistics for the new rows.
  await db.raw('ANALYZE');
  return (Date.now() - start) / 1000;
}

/** JSON with object keys sorted (arrays keep their order). */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map(
        key =>
          `${JSON.stringify(key)}:${canonical(
            (value as Record<string, unknown>)[key],
          )}`,
      )
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Writes final entities (without uid/etag) and search rows (without entity ids), sorted, for comparison. */
export async function dumpCatalog(db: Knex, file: string) {
  const finals = await db('final_entities').select('entity_id', 'final_entity');
  const refById = new Map<string, string>();
  const lines: string[] = [];
  for (const row of finals) {
    const entity = JSON.parse(row.final_entity) as Entity;
    const ref = refOf(entity.kind, entity.metadata.name);
    refById.set(row.entity_id, ref);
    const { uid: _uid, etag: _etag, ...metadata } = entity.metadata;
    const relations = [...(entity.relations ?? [])].sort(
      (x, y) =>
        x.type.localeCompare(y.type) || x.targetRef.localeCompare(y.targetRef),
    );
    lines.push(
      `entity ${ref} ${canonical({ ...entity, metadata, relations })}`,
    );
  }
  const search = await db('search').select(
    'entity_id',
    'key',
    'value',
    'original_value',
  );
  for (const row of search) {
    if (row.key === 'metadata.uid' || row.key === 'metadata.etag') continue;
    lines.push(
      `search ${refById.get(row.entity_id)} ${row.key}=${row.value}|${
        row.original_value
      }`,
    );
  }
  writeFileSync(file, `${lines.sort().join('\n')}\n`);
}
