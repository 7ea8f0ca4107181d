/*
 * For benchmark-cycles.ts with BENCH_CATALOG=memory (not a test double of the suite): the plugin's CatalogService
 * answered from an in-memory list, so the cycles can be measured at sizes whose catalog seeding (processing and
 * stitching 100,000 entities) would take hours on the benchmark machine. It answers the reads the background
 * cycles make (filtered, cursor-paged `queryEntities`, `getEntitiesByRefs`, `getEntities`; every field, in the
 * list's order); anything else throws, so a cycle needing more cannot pass for a fast one.
 */
import {
  CATALOG_FILTER_EXISTS,
  EntityFilterQuery,
} from '@backstage/catalog-client';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';

type FilterValue = string | symbol | Array<string | symbol>;

/** The value a filter key names: `metadata.annotations.<key>` and `metadata.labels.<key>` may hold dots. */
function valueAt(entity: Entity, key: string): unknown {
  const lower = key.toLowerCase();
  for (const map of ['annotations', 'labels'] as const) {
    const prefix = `metadata.${map}.`;
    if (lower.startsWith(prefix)) {
      return entity.metadata[map]?.[key.slice(prefix.length)];
    }
  }
  let value: unknown = entity;
  for (const part of key.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function matches(entity: Entity, filter: Record<string, FilterValue>): boolean {
  return Object.entries(filter).every(([key, wanted]) => {
    const value = valueAt(entity, key);
    const options = Array.isArray(wanted) ? wanted : [wanted];
    return options.some(option =>
      option === CATALOG_FILTER_EXISTS
        ? value !== undefined
        : String(value ?? '').toLowerCase() === String(option).toLowerCase(),
    );
  });
}

function filtered(entities: Entity[], filter?: EntityFilterQuery): Entity[] {
  if (!filter) return entities;
  const any = (Array.isArray(filter) ? filter : [filter]) as Array<
    Record<string, FilterValue>
  >;
  return entities.filter(e => any.some(f => matches(e, f)));
}

/** A CatalogService over a fixed list of entities (see the file comment). */
export function memoryCatalog(entities: Entity[]): CatalogService {
  const byRef = new Map(entities.map(e => [stringifyEntityRef(e), e]));
  // Cursor → the filtered list it pages through (one list per query walk, dropped at its last page).
  const walks = new Map<string, Entity[]>();
  let nextWalk = 0;
  const service: Partial<CatalogService> = {
    async queryEntities(request) {
      const limit = request && 'limit' in request ? request.limit ?? 20 : 20;
      let list: Entity[];
      let walk: string;
      let offset: number;
      if (request && 'cursor' in request && request.cursor) {
        const [id, at] = request.cursor.split(':');
        list = walks.get(id) ?? [];
        walk = id;
        offset = Number(at);
      } else {
        list = filtered(
          entities,
          request && 'filter' in request ? request.filter : undefined,
        );
        walk = String(nextWalk++);
        walks.set(walk, list);
        offset = 0;
      }
      const items = list.slice(offset, offset + limit);
      const more = offset + limit < list.length;
      if (!more) walks.delete(walk);
      return {
        items,
        totalItems: list.length,
        pageInfo: more ? { nextCursor: `${walk}:${offset + limit}` } : {},
      };
    },
    async getEntitiesByRefs(request) {
      return {
        items: request.entityRefs.map(
          ref => byRef.get(ref.toLowerCase()) ?? byRef.get(ref),
        ),
      };
    },
    async getEntities(request) {
      return { items: filtered(entities, request?.filter) };
    },
  };
  return new Proxy(service as CatalogService, {
    get(target, name) {
      const member = target[name as keyof CatalogService];
      if (member || typeof name !== 'string' || name === 'then') return member;
      return () => {
        throw new Error(
          `memory catalog of the benchmark: ${name} is not supported`,
        );
      };
    },
  });
}
