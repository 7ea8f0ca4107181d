/*
 * Benchmark (not a test) of the org overview: GET /api/reliability/overview against the catalog's own
 * POST /api/catalog/entities/by-query for the same 50 entities, on a real in-process backend (catalog +
 * reliability plugin) with SQLite.
 *
 * Run from the repo root: `yarn bench:overview` (BENCH_SERVICES=2000 for a quicker run, BENCH_REQUESTS=100).
 *
 * Seeding: catalog entities come from a benchmark EntityProvider (one full mutation, then the catalog's own
 * processing and stitching); the reliability summary rows (SLO, on-call, runbooks, maturity) are written
 * straight into the reliability plugin's tables through its own database client. The scheduler is replaced by
 * one that runs nothing, so background collection does not overwrite the seed or compete for the CPU.
 */
import {
  coreServices,
  createBackendModule,
  createServiceFactory,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { createBackend } from '@backstage/backend-defaults';
import { ConfigReader } from '@backstage/config';
import { Entity } from '@backstage/catalog-model';
import {
  catalogProcessingExtensionPoint,
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import { ANNOTATIONS } from '@internal/backstage-plugin-reliability-common';
import { Knex } from 'knex';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

// Request logs of 200+ requests would drown the result; warnings and errors still show.
process.env.LOG_LEVEL ??= 'warn';

const SERVICES = Number(process.env.BENCH_SERVICES ?? 10_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 100);
const PAGE = 50;
const TEAMS = 100;
const DOMAINS = 10;
const SYSTEMS = 50;
const LEVELS = ['bronze', 'silver', 'gold'];
const TOKEN = 'benchmark-static-token-0123456789abcdef';
const SEED_TIMEOUT_MS = 20 * 60_000;

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

const team = (i: number) => `team-${i % TEAMS}`;
const systemOf = (i: number) => `system-${i % SYSTEMS}`;
const domainOfSystem = (s: number) => `domain-${s % DOMAINS}`;
const service = (i: number) => `svc-${String(i).padStart(5, '0')}`;
const tierOf = (i: number) => `tier-${(i % 4) + 1}`;
const levelOf = (i: number) => (i % 5 === 4 ? 'none' : LEVELS[i % 3]);

const location = {
  'backstage.io/managed-by-location': 'url:https://benchmark.invalid/seed',
  'backstage.io/managed-by-origin-location':
    'url:https://benchmark.invalid/seed',
};

function seedEntities(): Entity[] {
  const entities: Entity[] = [];
  for (let d = 0; d < DOMAINS; d++) {
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Domain',
      metadata: { name: `domain-${d}`, annotations: location },
      spec: { owner: team(d) },
    });
  }
  for (let s = 0; s < SYSTEMS; s++) {
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'System',
      metadata: { name: `system-${s}`, annotations: location },
      spec: { owner: team(s), domain: domainOfSystem(s) },
    });
  }
  for (let i = 0; i < SERVICES; i++) {
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: service(i),
        title: `Service ${i}`,
        annotations: { ...location, [ANNOTATIONS.tier]: tierOf(i) },
      },
      spec: {
        type: 'service',
        lifecycle: 'production',
        owner: team(i),
        system: systemOf(i),
      },
    });
  }
  return entities;
}

class BenchmarkEntityProvider implements EntityProvider {
  getProviderName() {
    return 'reliability-benchmark';
  }
  async connect(connection: EntityProviderConnection) {
    await connection.applyMutation({
      type: 'full',
      entities: seedEntities().map(entity => ({
        entity,
        locationKey: 'reliability-benchmark',
      })),
    });
  }
}

let reliabilityDb: Knex | undefined;

function alertStateOf(k: number): string {
  if (k % 23 === 0) return 'page';
  if (k % 11 === 0) return 'ticket';
  return 'ok';
}

async function seedReliabilityTables(db: Knex) {
  const now = new Date();
  const later = new Date(now.getTime() + 8 * 3600_000);
  const rows = Array.from(
    { length: SERVICES },
    (_, i) => `component:default/${service(i)}`,
  );
  const chunks = <T>(items: T[], size = 200) =>
    Array.from({ length: Math.ceil(items.length / size) }, (_, k) =>
      items.slice(k * size, k * size + size),
    );
  for (const refs of chunks(rows)) {
    await db.transaction(async tx => {
      await tx('slo_entities').insert(
        refs.map(ref => ({
          entity_ref: ref,
          slo_count: 2,
          definition_errors: 0,
          updated_at: now,
        })),
      );
      await tx('slo_latest').insert(
        refs.flatMap((ref, k) =>
          ['availability', 'latency'].map(slo => ({
            entity_ref: ref,
            slo_name: slo,
            collected_at: now,
            checked_at: now,
            attainment: 0.9995,
            budget_remaining: ((k * 37) % 120) / 100 - 0.1,
            target: 0.999,
            alert_state: alertStateOf(k),
            stale: false,
            error: null,
            alert_count: 2,
            alerts_with_runbook: 1,
            has_burn_rate_alerts: true,
            status: '{}',
          })),
        ),
      );
      await tx('oncall_latest').insert(
        refs.map((ref, k) => ({
          entity_ref: ref,
          provider: 'schedule-as-code',
          snapshot: JSON.stringify({
            provider: 'schedule-as-code',
            current: [
              {
                person: { name: `Person ${k % 300}` },
                escalationLevel: 1,
                start: now.toISOString(),
                end: later.toISOString(),
              },
            ],
            next: [],
            upcoming: [],
            escalation: [{ level: 1, targets: [] }],
            computedAt: now.toISOString(),
          }),
          snapshot_at: now,
          error: null,
          updated_at: now,
        })),
      );
      await tx('runbooks_latest').insert(
        refs.map((ref, k) => ({
          entity_ref: ref,
          runbook_count: k % 4,
          stale_count: k % 2,
          error_count: 0,
          alert_count: 2,
          alerts_with_runbook: 1,
          coverage: 0.5,
          error: null,
          updated_at: now,
        })),
      );
    });
  }
  for (const refs of chunks(rows.map((ref, i) => ({ ref, i })))) {
    // Never-assessed services get the `unevaluated` row the checklist refresh records for them.
    await db('checklist_latest').insert(
      refs.map(({ ref, i }) => {
        const unevaluated = levelOf(i) === 'none';
        return {
          entity_ref: ref,
          assessment_id: null,
          checklist_version: unevaluated ? null : 'benchmark',
          assessed_at: null,
          score: unevaluated ? null : (i * 7) % 101,
          level: levelOf(i),
          category_scores: unevaluated ? '[]' : '{}',
          evaluated_at: now,
          unevaluated,
        };
      }),
    );
  }
}

const benchmarkModules = [
  createBackendModule({
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
  }),
  createBackendModule({
    pluginId: 'reliability',
    moduleId: 'benchmark-database-handle',
    register(env) {
      env.registerInit({
        deps: { database: coreServices.database },
        async init({ database }) {
          reliabilityDb = await database.getClient();
        },
      });
    },
  }),
];

/** A scheduler that accepts tasks and never runs them (no background work during the benchmark). */
const idleScheduler = createServiceFactory({
  service: coreServices.scheduler,
  deps: {},
  factory(): SchedulerService {
    return {
      scheduleTask: async () => {},
      triggerTask: async () => {},
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
          baseUrl: 'http://localhost:7099',
          listen: { port: 7099, host: '127.0.0.1' },
          database: { client: 'better-sqlite3', connection: { directory } },
          auth: {
            externalAccess: [
              {
                type: 'static',
                options: { token: TOKEN, subject: 'benchmark' },
              },
            ],
          },
        },
        catalog: {
          rules: [
            {
              allow: [
                'Component',
                'System',
                'Domain',
                'API',
                'Resource',
                'Group',
                'User',
                'Location',
              ],
            },
          ],
          processingInterval: { hours: 24 },
        },
      }),
  });
}

const headers = {
  Authorization: `Bearer ${TOKEN}`,
  'Content-Type': 'application/json',
};

async function timed<T>(
  fn: () => Promise<T>,
): Promise<{ ms: number; value: T }> {
  const start = process.hrtime.bigint();
  const value = await fn();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
}

async function getJson(url: string, init?: RequestInit) {
  const response = await fetch(url, { ...init, headers });
  if (!response.ok) {
    throw new Error(
      `${init?.method ?? 'GET'} ${url} -> ${
        response.status
      } ${await response.text()}`,
    );
  }
  return response.json();
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

interface Filters {
  team?: string;
  system?: string;
  domain?: string;
  tier?: string;
  level?: string;
  q?: string;
  sort: 'name' | 'owner' | 'system' | 'tier';
  order: 'asc' | 'desc';
}

function randomFilters(): Filters {
  const filters: Filters = {
    sort: pick(['name', 'owner', 'system', 'tier'] as const),
    order: pick(['asc', 'desc'] as const),
  };
  const r = random();
  if (r < 0.25) return filters;
  if (r < 0.4) filters.team = team(Math.floor(random() * TEAMS));
  else if (r < 0.55) filters.system = systemOf(Math.floor(random() * SYSTEMS));
  else if (r < 0.65)
    filters.domain = `domain-${Math.floor(random() * DOMAINS)}`;
  else if (r < 0.8) filters.tier = tierOf(Math.floor(random() * 4));
  else if (r < 0.92) filters.level = pick([...LEVELS, 'none']);
  else filters.q = `svc-0${Math.floor(random() * 10)}`;
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
  const orderBy = [{ field: ORDER_FIELD[filters.sort], order: filters.order }];
  return {
    query: { $all: all },
    limit: PAGE,
    offset,
    orderBy,
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

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(
    sorted.length - 1,
    Math.ceil((p / 100) * sorted.length) - 1,
  );
  return sorted[Math.max(0, index)];
}

async function main() {
  const directory = mkdtempSync(join(tmpdir(), 'reliability-bench-'));
  const backend = createBackend();
  backend.add(rootConfig(directory));
  backend.add(idleScheduler);
  // The real catalog backend (a devDependency), so the comparison is against the catalog's own query path.
  backend.add(import('@backstage/plugin-catalog-backend'));
  backend.add(import('./../src'));
  for (const module of benchmarkModules) backend.add(module);

  const seedStart = Date.now();
  console.log(
    `Starting backend (SQLite in ${directory}) and seeding ${SERVICES} services...`,
  );
  await backend.start();
  const base = 'http://127.0.0.1:7099';
  if (!reliabilityDb) throw new Error('reliability database handle missing');
  await seedReliabilityTables(reliabilityDb);
  await waitForCatalog(base);
  console.log(`Seeded in ${((Date.now() - seedStart) / 1000).toFixed(1)} s`);

  const overviewMs: number[] = [];
  const catalogMs: number[] = [];
  const byKind = new Map<string, { overview: number[]; catalog: number[] }>();
  let rows = 0;
  let requests = 0;
  const warmup = 10;
  while (requests < REQUESTS + warmup) {
    const filters = randomFilters();
    const follow = Math.floor(random() * 4);
    let cursor: string | undefined;
    for (let page = 0; page <= follow && requests < REQUESTS + warmup; page++) {
      const params = new URLSearchParams({ limit: String(PAGE) });
      if (cursor) params.set('cursor', cursor);
      else
        for (const [k, v] of Object.entries(filters)) if (v) params.set(k, v);
      const measure = requests >= warmup;
      const runOverview = () =>
        timed(() => getJson(`${base}/api/reliability/overview?${params}`));
      const runCatalog = (levelNames: string[]) =>
        timed(() =>
          getJson(`${base}/api/catalog/entities/by-query`, {
            method: 'POST',
            body: JSON.stringify(catalogBody(filters, page * PAGE, levelNames)),
          }),
        );
      const namesOf = (body: { items: Array<{ name: string }> }) =>
        body.items.map(item => item.name);
      // Alternate which request goes first, so caches favour neither (with `level` the catalog query needs
      // the overview's page first).
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
      if (measure) {
        overviewMs.push(o.ms);
        catalogMs.push(c.ms);
        const kind =
          Object.keys(filters).find(k => k !== 'sort' && k !== 'order') ??
          'no filter';
        const samples = byKind.get(kind) ?? { overview: [], catalog: [] };
        samples.overview.push(o.ms);
        samples.catalog.push(c.ms);
        byKind.set(kind, samples);
        rows += o.value.items.length;
      }
      requests++;
      cursor = o.value.pageInfo.nextCursor;
      if (!cursor) break;
    }
  }

  const report = (name: string, values: number[]) =>
    `${name.padEnd(34)} p50 ${percentile(values, 50)
      .toFixed(1)
      .padStart(7)} ms   p95 ${percentile(values, 95)
      .toFixed(1)
      .padStart(7)} ms   max ${Math.max(...values)
      .toFixed(1)
      .padStart(7)} ms`;
  const o50 = percentile(overviewMs, 50);
  const o95 = percentile(overviewMs, 95);
  const c50 = percentile(catalogMs, 50);
  const c95 = percentile(catalogMs, 95);
  console.log(
    `\n${overviewMs.length} measured requests of ${PAGE} rows (${rows} rows in all), ${SERVICES} services:`,
  );
  console.log(report('GET /api/reliability/overview', overviewMs));
  console.log(report('POST /api/catalog/entities/by-query', catalogMs));
  console.log(
    `ratio overview/catalog            p50 ${(o50 / c50).toFixed(2)}   p95 ${(
      o95 / c95
    ).toFixed(2)}`,
  );
  const latencyMet = o95 < 300;
  const ratioMet = o95 / c95 <= 2;
  console.log(
    `targets: overview p95 < 300 ms: ${
      latencyMet ? 'met' : 'NOT met'
    }; ratio (p95) <= 2: ${ratioMet ? 'met' : 'NOT met'}`,
  );
  console.log(
    `${latencyMet && ratioMet ? 'PASS' : 'FAIL'}: overview p95 ${o95.toFixed(
      1,
    )} ms (target < 300 ms), p95 ratio ${(o95 / c95).toFixed(
      2,
    )} (target <= 2), ${SERVICES} services, ${
      cpus().length
    } CPUs, load ${loadavg()
      .map(l => l.toFixed(2))
      .join(' ')}`,
  );

  console.log('\nBy filter (p50 / p95 ms, overview vs catalog):');
  for (const [kind, samples] of byKind) {
    console.log(
      `  ${kind.padEnd(10)} n=${String(samples.overview.length).padStart(
        3,
      )}  overview ${percentile(samples.overview, 50).toFixed(
        0,
      )} / ${percentile(samples.overview, 95).toFixed(
        0,
      )}   catalog ${percentile(samples.catalog, 50).toFixed(0)} / ${percentile(
        samples.catalog,
        95,
      ).toFixed(0)}`,
    );
  }

  await backend.stop();
  rmSync(directory, { recursive: true, force: true });
}

main().then(
  () => process.exit(0),
  error => {
    console.error(String(error?.stack ?? error).slice(0, 3000));
    process.exit(1);
  },
);
