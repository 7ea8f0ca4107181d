/*
 * The page requests of benchmark-overview.ts: for each filter (none, team, system, domain, tier, level, q) a fixed
 * number of `GET /api/reliability/overview?limit=50` requests cycling through every sort and order, following
 * `nextCursor` for up to 4 pages, each timed against the catalog's own `POST /api/catalog/entities/by-query` for
 * the same page in the same run (the two alternate which goes first).
 */
import { ANNOTATIONS } from '@internal/backstage-plugin-reliability-common';
import {
  domainOfSystem,
  LEVELS,
  SYSTEMS,
  systemOf,
  team,
  TEAMS,
  tierOf,
} from './fixtures';
import { getJson, timed } from './http';

export const PAGE = 50;

/** Small deterministic PRNG, so runs are comparable. */
function prng(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) % 4294967296;
    return state / 4294967296;
  };
}
const random = prng(42);
const pick = <T>(items: readonly T[]): T =>
  items[Math.floor(random() * items.length)];

export const FILTER_KINDS = [
  'no filter',
  'team',
  'system',
  'domain',
  'tier',
  'level',
  'q',
] as const;
export type FilterKind = (typeof FILTER_KINDS)[number];
const SORTS = ['name', 'owner', 'system', 'tier'] as const;
type Sort = (typeof SORTS)[number];

interface Filters {
  team?: string;
  system?: string;
  domain?: string;
  tier?: string;
  level?: string;
  q?: string;
  sort: Sort;
  order: 'asc' | 'desc';
}

function filtersOf(kind: FilterKind, k: number): Filters {
  // Every sort and order in turn (8 combinations).
  const filters: Filters = {
    sort: SORTS[k % 4],
    order: Math.floor(k / 4) % 2 === 0 ? 'asc' : 'desc',
  };
  if (kind === 'team') filters.team = team(Math.floor(random() * TEAMS));
  if (kind === 'system')
    filters.system = systemOf(Math.floor(random() * SYSTEMS));
  if (kind === 'domain') filters.domain = `domain-${Math.floor(random() * 10)}`;
  if (kind === 'tier') filters.tier = tierOf(Math.floor(random() * 4));
  if (kind === 'level') filters.level = pick([...LEVELS, 'none']);
  if (kind === 'q') filters.q = `svc-0${Math.floor(random() * 10)}`;
  return filters;
}

const ORDER_FIELD = {
  name: 'metadata.name',
  owner: 'spec.owner',
  system: 'spec.system',
  tier: `metadata.annotations.${ANNOTATIONS.tier}`,
};

/**
 * The catalog's own query for the same page: same filter, order, offset and page size (full entities).
 * With `level` (reliability data the catalog does not hold) it is the query for the same entities the
 * overview returned, by name, in the overview's order (by entity ref).
 */
function catalogBody(filters: Filters, offset: number, levelNames: string[]) {
  if (filters.level) {
    return {
      query: {
        $all: [
          { kind: 'component' },
          { 'metadata.namespace': 'default' },
          { 'metadata.name': { $in: levelNames.length ? levelNames : ['-'] } },
        ],
      },
      limit: PAGE,
      orderBy: [{ field: 'metadata.name', order: filters.order }],
    };
  }
  const all: object[] = [{ kind: 'component' }];
  if (filters.team)
    all.push({ 'relations.ownedBy': `group:default/${filters.team}` });
  if (filters.system)
    all.push({ 'relations.partOf': `system:default/${filters.system}` });
  if (filters.domain) {
    const systems = Array.from({ length: SYSTEMS }, (_, s) => s)
      .filter(s => domainOfSystem(s) === filters.domain)
      .map(s => `system:default/system-${s}`);
    all.push({ 'relations.partOf': { $in: systems } });
  }
  if (filters.tier)
    all.push({ [`metadata.annotations.${ANNOTATIONS.tier}`]: filters.tier });
  return {
    query: { $all: all },
    limit: PAGE,
    offset,
    orderBy: [{ field: ORDER_FIELD[filters.sort], order: filters.order }],
    ...(filters.q
      ? {
          fullTextFilter: {
            term: filters.q,
            fields: [
              'metadata.name',
              'metadata.title',
              'spec.owner',
              'spec.system',
            ],
          },
        }
      : {}),
  };
}

export interface Sample {
  kind: FilterKind;
  sort: string;
  page: number;
  overview: number;
  catalog: number;
  /** Database queries of the overview request (reliability + catalog clients). */
  queries?: number;
  /** Whether the overview listed the page from its services index (the page says `listedAt`). */
  fromServicesIndex: boolean;
}

/**
 * Measures `perKind` overview requests (and as many catalog queries) for every filter kind, after `warmup`
 * unmeasured ones. `countQueries` returns the number of database queries sent so far.
 */
export async function measurePages(options: {
  base: string;
  perKind: number;
  warmup: number;
  kinds?: readonly FilterKind[];
  countQueries?: () => number;
  /** Called after each filter kind's requests (to print what its queries cost). */
  afterKind?: (kind: FilterKind, overviewRequests: number) => void;
}): Promise<Sample[]> {
  const { base, perKind, warmup, countQueries } = options;
  const kinds = options.kinds ?? FILTER_KINDS;
  const samples: Sample[] = [];
  let requests = 0;
  for (const kind of kinds) {
    let measuredOfKind = 0;
    let k = 0;
    const target = perKind + (kind === kinds[0] ? warmup : 0);
    let done = 0;
    while (done < target) {
      const filters = filtersOf(kind, k++);
      const follow = Math.floor(random() * 4);
      let cursor: string | undefined;
      for (let page = 0; page <= follow && done < target; page++) {
        const params = new URLSearchParams({ limit: String(PAGE) });
        if (cursor) params.set('cursor', cursor);
        else
          for (const [key, v] of Object.entries(filters))
            if (v) params.set(key, v);
        const runOverview = async () => {
          const q0 = countQueries?.() ?? 0;
          const result = await timed(() =>
            getJson(`${base}/api/reliability/overview?${params}`),
          );
          return { ...result, queries: (countQueries?.() ?? 0) - q0 };
        };
        const runCatalog = (levelNames: string[]) =>
          timed(() =>
            getJson(`${base}/api/catalog/entities/by-query`, {
              method: 'POST',
              body: JSON.stringify(
                catalogBody(filters, page * PAGE, levelNames),
              ),
            }),
          );
        const namesOf = (body: { items: Array<{ name: string }> }) =>
          body.items.map(item => item.name);
        let o: Awaited<ReturnType<typeof runOverview>>;
        let c: Awaited<ReturnType<typeof runCatalog>>;
        if (requests % 2 === 0 || filters.level) {
          o = await runOverview();
          c = await runCatalog(namesOf(o.value));
        } else {
          c = await runCatalog([]);
          o = await runOverview();
        }
        if (o.value.items.length !== c.value.items.length) {
          throw new Error(
            `overview returned ${o.value.items.length} rows, catalog ${
              c.value.items.length
            } for ${JSON.stringify(filters)} page ${page}`,
          );
        }
        const isWarmup = kind === kinds[0] && done < warmup;
        if (!isWarmup) {
          samples.push({
            kind,
            sort: `${filters.sort} ${filters.order}`,
            page,
            overview: o.ms,
            catalog: c.ms,
            queries: countQueries ? o.queries : undefined,
            fromServicesIndex: Boolean(o.value.listedAt),
          });
          measuredOfKind++;
        }
        done++;
        requests++;
        cursor = o.value.pageInfo.nextCursor;
        if (!cursor) break;
      }
    }
    process.stdout.write(`  measured ${kind}: ${measuredOfKind} requests\n`);
    options.afterKind?.(kind, done);
  }
  return samples;
}
