/*
 * Benchmark (not a test) of the org overview: GET /api/reliability/overview against the catalog's own
 * POST /api/catalog/entities/by-query for the same 50 entities, per filter and per sort, plus the CSV export,
 * the team/system roll-ups and the architecture tours, on a real in-process backend (catalog + reliability plugin).
 *
 * Run from the repo root: `yarn bench:overview` (10,000 services on SQLite). Options:
 *   BENCH_SERVICES=2000          services to seed
 *   BENCH_PER_FILTER=24          measured page requests per filter (none, team, system, domain, tier, level, q)
 *   BENCH_DB=postgres            PostgreSQL at BENCH_PG_URL (default postgresql://postgres:postgres@127.0.0.1:5432),
 *                                in throwaway databases `bench_overview_<pid>_*`, dropped at the end
 *   BENCH_SEED=direct            write the catalog's tables directly (scripts/overview/directCatalogSeed.ts) instead
 *                                of through an entity provider and the catalog's processing loop
 *   BENCH_DUMP=file              write the seeded catalog (normalised) to a file and stop (to compare seed modes)
 *   BENCH_PORT=7099
 *   BENCH_CATALOG_READS=conditional   every caller's catalog reads are a CONDITIONAL decision (the catalog applies an
 *                                IS_ENTITY_KIND condition covering every seeded kind), as under an RBAC policy: the
 *                                overview's pages for such callers (see scripts/overview/conditionalPermissions.ts)
 *
 * The reliability summary rows (SLO, on-call, runbooks, maturity) are written straight into the plugin's tables.
 * The scheduler is replaced by one that runs nothing, so background work does not overwrite the seed or compete
 * for the CPU. See docs/benchmarks.md ("Org overview").
 */
import {
  coreServices,
  createBackendModule,
  createServiceFactory,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { createBackend } from '@backstage/backend-defaults';
import { ConfigReader } from '@backstage/config';
import {
  catalogProcessingExtensionPoint,
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import knexFactory, { Knex } from 'knex';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { QueryCounter } from './cycles/measure';
import { dumpCatalog, seedCatalogDirectly } from './overview/directCatalogSeed';
import { conditionalCatalogReads } from './overview/conditionalPermissions';
import { measureCsv, measureRollUpsAndTours } from './overview/extraRoutes';
import {
  LOCATION_KEY,
  seedEntities,
  seedReliabilityTables,
} from './overview/fixtures';
import { getJson, percentile } from './overview/http';
import { benchmarkAuthConfig } from './shared/benchmarkAuth';
import {
  FILTER_KINDS,
  measurePages,
  PAGE,
  Sample,
} from './overview/pageRequests';

// Request logs of hundreds of requests would drown the result; warnings and errors still show.
process.env.LOG_LEVEL ??= 'warn';

const SERVICES = Number(process.env.BENCH_SERVICES ?? 10_000);
const PER_FILTER = Number(process.env.BENCH_PER_FILTER ?? 24);
const ROUTE_RUNS = Number(process.env.BENCH_ROUTE_RUNS ?? 5);
const SEED = process.env.BENCH_SEED === 'direct' ? 'direct' : 'provider';
const DUMP = process.env.BENCH_DUMP;
/** BENCH_FILTERS=team,level measures only those filters; BENCH_SHAPES=1 prints each filter's query shapes. */
const KINDS = process.env.BENCH_FILTERS
  ? FILTER_KINDS.filter(k => process.env.BENCH_FILTERS!.split(',').includes(k))
  : FILTER_KINDS;
const SHAPES = process.env.BENCH_SHAPES === '1';
/** BENCH_KEEP=1 keeps the PostgreSQL databases (for EXPLAIN ANALYZE); drop them by hand afterwards. */
const KEEP = process.env.BENCH_KEEP === '1';
const PORT = Number(process.env.BENCH_PORT ?? 7099);
const SEED_TIMEOUT_MS = 120 * 60_000;
const DB = process.env.BENCH_DB === 'postgres' ? 'postgres' : 'sqlite';
const PG_URL =
  process.env.BENCH_PG_URL ?? 'postgresql://postgres:postgres@127.0.0.1:5432';
/** BENCH_REUSE=<prefix> runs on databases kept by an earlier BENCH_KEEP=1 run of the same size (no seeding). */
const REUSE = process.env.BENCH_REUSE;
const PG_PREFIX = REUSE ?? `bench_overview_${process.pid}_`;
const CONDITIONAL = process.env.BENCH_CATALOG_READS === 'conditional';

/** Hands the entities to the catalog in one full mutation (provider seeding); nothing with BENCH_SEED=direct. */
class BenchmarkEntityProvider implements EntityProvider {
  getProviderName() {
    return LOCATION_KEY;
  }
  async connect(connection: EntityProviderConnection) {
    if (SEED === 'direct' || REUSE) return;
    await connection.applyMutation({
      type: 'full',
      entities: seedEntities(SERVICES).map(entity => ({
        entity,
        locationKey: LOCATION_KEY,
      })),
    });
  }
}

const clients: { reliability?: Knex; catalog?: Knex } = {};

const databaseHandle = (pluginId: 'reliability' | 'catalog') =>
  createBackendModule({
    pluginId,
    moduleId: 'benchmark-database-handle',
    register(env) {
      env.registerInit({
        deps: { database: coreServices.database },
        async init({ database }) {
          clients[pluginId] = await database.getClient();
        },
      });
    },
  });

const entityModule = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'reliability-benchmark-entities',
  register(env) {
    env.registerInit({
      deps: { catalog: catalogProcessingExtensionPoint },
      async init({ catalog }) {
        catalog.addEntityProvider(new BenchmarkEntityProvider());
      },
    });
  },
});

/** Tasks scheduled by the plugins, by id: the benchmark runs the overview's roll-up pass itself, once. */
const scheduledTasks = new Map<string, (signal: AbortSignal) => unknown>();

/** A scheduler that accepts tasks and never runs them (no background work during the benchmark). */
const idleScheduler = createServiceFactory({
  service: coreServices.scheduler,
  deps: {},
  factory(): SchedulerService {
    return {
      scheduleTask: async task => {
        scheduledTasks.set(
          task.id,
          task.fn as (signal: AbortSignal) => unknown,
        );
      },
      triggerTask: async () => {},
      cancelTask: async () => {},
      getScheduledTasks: async () => [],
      createScheduledTaskRunner: () => ({ run: async () => {} }),
    };
  },
});

function rootConfig(directory: string) {
  return createServiceFactory({
    service: coreServices.rootConfig,
    deps: {},
    factory: () =>
      new ConfigReader({
        app: { baseUrl: 'http://localhost:3000' },
        backend: {
          baseUrl: `http://localhost:${PORT}`,
          listen: { port: PORT, host: '127.0.0.1' },
          database:
            DB === 'postgres'
              ? { client: 'pg', connection: PG_URL, prefix: PG_PREFIX }
              : { client: 'better-sqlite3', connection: { directory } },
          auth: benchmarkAuthConfig,
        },
        catalog: {
          rules: [{ allow: ['Component', 'System', 'Domain', 'Group'] }],
          processingInterval: { hours: 24 },
        },
      }),
  });
}

async function waitForCatalog(base: string) {
  const deadline = Date.now() + SEED_TIMEOUT_MS;
  let last = -1;
  while (Date.now() < deadline) {
    const body = await getJson(
      `${base}/api/catalog/entities/by-query?filter=kind=component&limit=1`,
    );
    if (body.totalItems !== last) {
      process.stdout.write(
        `  catalog: ${body.totalItems}/${SERVICES} components stitched\n`,
      );
      last = body.totalItems;
    }
    if (body.totalItems >= SERVICES) return;
    await new Promise(r => setTimeout(r, 3000));
  }
  throw new Error('catalog seeding timed out');
}

async function dropPostgresDatabases() {
  const admin = knexFactory({ client: 'pg', connection: PG_URL });
  try {
    const { rows } = await admin.raw(
      'SELECT datname FROM pg_database WHERE datname LIKE ?',
      [`${PG_PREFIX}%`],
    );
    for (const { datname } of rows) {
      await admin.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [datname]);
    }
  } finally {
    await admin.destroy();
  }
}

const f0 = (n: number) => n.toFixed(0);
const load = () =>
  loadavg()
    .map(l => l.toFixed(2))
    .join(' ');

function printTable(
  title: string,
  groups: Map<string, Sample[]>,
): Array<{ key: string; o95: number; c95: number }> {
  console.log(`\n${title}`);
  console.log(
    '| group | n | overview p50 / p95 (ms) | catalog p50 / p95 (ms) | p95 ratio | queries / request |',
  );
  console.log('| --- | --: | --: | --: | --: | --: |');
  const out = [];
  for (const [key, samples] of groups) {
    const o = samples.map(s => s.overview);
    const c = samples.map(s => s.catalog);
    const q = samples.map(s => s.queries ?? NaN);
    const o95 = percentile(o, 95);
    const c95 = percentile(c, 95);
    console.log(
      `| ${key} | ${samples.length} | ${f0(percentile(o, 50))} / ${f0(
        o95,
      )} | ${f0(percentile(c, 50))} / ${f0(c95)} | ${(o95 / c95).toFixed(
        2,
      )} | ${Math.min(...q)}–${Math.max(...q)} |`,
    );
    out.push({ key, o95, c95 });
  }
  return out;
}

function groupBy(samples: Sample[], key: (s: Sample) => string) {
  const groups = new Map<string, Sample[]>();
  for (const sample of samples) {
    const list = groups.get(key(sample)) ?? [];
    list.push(sample);
    groups.set(key(sample), list);
  }
  return groups;
}

async function main() {
  const directory = mkdtempSync(join(tmpdir(), 'reliability-bench-'));
  const backend = createBackend();
  backend.add(rootConfig(directory));
  backend.add(idleScheduler);
  if (CONDITIONAL) backend.add(conditionalCatalogReads);
  // The real catalog backend (a devDependency), so the comparison is against the catalog's own query path.
  backend.add(import('@backstage/plugin-catalog-backend'));
  backend.add(import('./../src'));
  backend.add(entityModule);
  backend.add(databaseHandle('reliability'));
  backend.add(databaseHandle('catalog'));
  const base = `http://127.0.0.1:${PORT}`;

  console.log(
    `Overview benchmark: ${SERVICES} services on ${DB} (${
      DB === 'sqlite' ? directory : `${PG_PREFIX}*`
    }), ${REUSE ? 'reused' : `${SEED} seeding`}, ${cpus().length} CPUs (${
      cpus()[0]?.model
    }), load ${load()}, ${new Date().toISOString()}, Node ${process.version}${
      CONDITIONAL ? ', catalog reads CONDITIONAL for every caller' : ''
    }`,
  );
  try {
    const seedStart = Date.now();
    await backend.start();
    const { reliability, catalog } = clients;
    if (!reliability || !catalog) throw new Error('database handles missing');
    if (REUSE) {
      console.log(`  reusing the seeded databases ${REUSE}*`);
    } else if (SEED === 'direct') {
      const seconds = await seedCatalogDirectly(
        catalog,
        seedEntities(SERVICES),
      );
      console.log(
        `  catalog tables written directly in ${seconds.toFixed(0)} s`,
      );
    }
    const reliabilityStart = Date.now();
    if (!REUSE) await seedReliabilityTables(reliability, SERVICES);
    if (DB === 'postgres') await reliability.raw('ANALYZE');
    console.log(
      `  reliability tables in ${(
        (Date.now() - reliabilityStart) /
        1000
      ).toFixed(0)} s`,
    );
    await waitForCatalog(base);
    console.log(
      `Seeded in ${((Date.now() - seedStart) / 1000).toFixed(
        0,
      )} s, load ${load()}`,
    );
    if (DUMP) {
      await dumpCatalog(catalog, DUMP);
      console.log(`Catalog written to ${DUMP}`);
      return;
    }

    const reliabilityQueries = new QueryCounter(reliability);
    const catalogQueries = new QueryCounter(catalog);
    /** Every filter's pages and the CSV exports under `label`; returns the samples and the per-filter table. */
    const measurePhase = async (label: string) => {
      console.log(`\n## ${label}`);
      const samples = await measurePages({
        base,
        perKind: PER_FILTER,
        warmup: 10,
        kinds: KINDS,
        countQueries: () => reliabilityQueries.value + catalogQueries.value,
        afterKind: (kind, n) => {
          // Shapes of the overview's and the catalog's by-query requests of this filter, per overview request.
          for (const [name, counter] of [
            ['reliability', reliabilityQueries],
            ['catalog', catalogQueries],
          ] as const) {
            const { top } = counter.takeShapes(6);
            if (!SHAPES) continue;
            for (const shape of top) {
              console.log(
                `    ${kind} ${name}: ${(shape.n / n).toFixed(1)}/req ${(
                  shape.ms / shape.n
                ).toFixed(1)} ms each  ${shape.shape}`,
              );
            }
          }
        },
      });
      const o = samples.map(s => s.overview);
      const c = samples.map(s => s.catalog);
      console.log(
        `\n${
          samples.length
        } measured requests of ${PAGE} rows, ${SERVICES} services, ${DB}, load ${load()}, ${new Date().toISOString()}`,
      );
      console.log(
        `overview p50 ${f0(percentile(o, 50))} / p95 ${f0(
          percentile(o, 95),
        )} / max ${f0(Math.max(...o))} ms; catalog p50 ${f0(
          percentile(c, 50),
        )} / p95 ${f0(percentile(c, 95))} / max ${f0(Math.max(...c))} ms`,
      );
      const byFilter = printTable(
        'By filter:',
        groupBy(samples, s => s.kind),
      );
      printTable(
        'By sort (every filter but level, which is always in ref order):',
        groupBy(
          samples.filter(s => s.kind !== 'level'),
          s => s.sort,
        ),
      );
      printTable(
        'By page (1 = first page, with the count):',
        groupBy(samples, s => String(s.page + 1)),
      );

      console.log('\nCSV export (overview.csv, capped at 10,000 rows):');
      console.log(
        '| export | first byte | total | rows | size | encoding | peak RSS growth | peak heap growth | heap kept after GC |',
      );
      console.log('| --- | --: | --: | --: | --: | --- | --: | --: | --: |');
      for (const [name, query] of [
        ['tier-1 services', '?tier=tier-1'],
        ['every service', ''],
        ['every service, by owner', '?sort=owner'],
      ]) {
        const r = await measureCsv(base, name, query);
        console.log(
          `| ${r.name} | ${f0(r.firstByteMs)} ms | ${f0(r.totalMs)} ms | ${
            r.lines - 1
          } | ${(r.bytes / 1024 / 1024).toFixed(1)} MB | ${
            r.encoding
          } | ${r.rssGrowthMb.toFixed(0)} MB | ${r.heapGrowthMb.toFixed(
            0,
          )} MB | ${r.heapRetainedMb.toFixed(1)} MB |`,
        );
      }
      const indexed = samples.filter(s => s.fromServicesIndex).length;
      console.log(
        `(${indexed} of ${samples.length} pages said listedAt: listed from the services index)`,
      );
      return { o, byFilter };
    };

    // Kept databases hold the stored roll-up and services index of an earlier run: start from none, so the first
    // pages are listed from the catalog (as before the overview's first pass).
    await reliability('overview_group_rollups').delete();
    await reliability('overview_services_pass').delete();
    await reliability('overview_services').delete();
    const fromCatalog = await measurePhase(
      'Pages listed from the catalog (before the first pass)',
    );

    // Roll-ups before the overview's first roll-up pass (computed on request), then the pass (the scheduled
    // task, run once here), then the roll-ups answered from the stored pass.
    const rollUpRefresh = scheduledTasks.get('reliability-overview-refresh');
    for (const phase of rollUpRefresh
      ? (['on request', 'stored'] as const)
      : (['on request'] as const)) {
      if (phase === 'stored') {
        const start = Date.now();
        await rollUpRefresh!(new AbortController().signal);
        console.log(
          `\nRoll-up pass (reliability-overview-refresh): ${(
            (Date.now() - start) /
            1000
          ).toFixed(1)} s, load ${load()}`,
        );
      }
      console.log(
        `\nRoll-ups (${phase}) and tours (${ROUTE_RUNS} runs each), load ${load()}:`,
      );
      console.log('| request | p50 | p95 | max | answer |');
      console.log('| --- | --: | --: | --: | --- |');
      for (const r of await measureRollUpsAndTours(base, ROUTE_RUNS)) {
        console.log(
          `| ${r.name} | ${f0(r.p50)} ms | ${f0(r.p95)} ms | ${f0(
            r.max,
          )} ms | ${r.note} |`,
        );
      }
    }

    const fromIndex = rollUpRefresh
      ? await measurePhase(
          CONDITIONAL
            ? 'Pages after the pass, catalog reads conditional (level from the services index with the catalog visibility check, other filters from the catalog)'
            : 'Pages listed from the services index (after the pass)',
        )
      : undefined;

    const verdict = (
      label: string,
      { o, byFilter }: Awaited<ReturnType<typeof measurePhase>>,
    ) => {
      const o95 = percentile(o, 95);
      const worst = byFilter.reduce((a, b) =>
        b.o95 / b.c95 > a.o95 / a.c95 ? b : a,
      );
      const slowest = byFilter.reduce((a, b) => (b.o95 > a.o95 ? b : a));
      const latencyMet = slowest.o95 < 300;
      const ratioMet = worst.o95 / worst.c95 <= 1;
      console.log(
        `\n${
          latencyMet && ratioMet ? 'PASS' : 'FAIL'
        } (${label}): overview p95 ${f0(o95)} ms overall, slowest filter ${
          slowest.key
        } ${f0(slowest.o95)} ms (target < 300 ms: ${
          latencyMet ? 'met' : 'NOT met'
        }); worst p95 ratio ${worst.key} ${(worst.o95 / worst.c95).toFixed(
          2,
        )} (target <= 1.0 per filter: ${
          ratioMet ? 'met' : 'NOT met'
        }); ${SERVICES} services, ${DB}, ${
          cpus().length
        } CPUs, load ${load()}, filters ${KINDS.join('/')}`,
      );
    };
    verdict('pages from the catalog', fromCatalog);
    if (fromIndex) {
      verdict(
        CONDITIONAL
          ? 'pages after the pass, conditional catalog reads'
          : 'pages from the services index',
        fromIndex,
      );
    }
  } finally {
    await backend.stop().catch(() => {});
    rmSync(directory, { recursive: true, force: true });
    if (DB === 'postgres' && !KEEP && !REUSE) await dropPostgresDatabases();
    if (KEEP || REUSE) console.log(`Kept databases ${PG_PREFIX}*`);
  }
}

main().then(
  () => process.exit(0),
  error => {
    console.error(String(error?.stack ?? error).slice(0, 3000));
    process.exit(1);
  },
);
