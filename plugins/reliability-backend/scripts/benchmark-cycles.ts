/*
 * Benchmark (not a test) of the background cycles at scale: seeds a real in-process backend (catalog +
 * reliability plugin) with N services, then runs each area's full background cycle, timed, one after another:
 * SLO collection (two SLOs per service on the embedded SLI store), on-call refresh (schedules as code),
 * runbook indexing (one Markdown runbook per service, read over HTTP), checklist refresh, the trends
 * snapshot and the overview refresh (roll-ups and the services index). Each cycle runs BENCH_RUNS times (default
 * 2): the first run on fresh tables, then steady state.
 *
 * Run from the repo root: `yarn bench:cycles` (BENCH_SERVICES=500 for a quick run; BENCH_DB=postgres for the
 * PostgreSQL at BENCH_PG_URL, default postgresql://postgres:postgres@127.0.0.1:5432, in databases of its own
 * that are dropped at the end). See docs/benchmarks.md.
 */
import {
  coreServices,
  createBackendModule,
  createServiceFactory,
  SchedulerService,
  SchedulerServiceTaskFunction,
} from '@backstage/backend-plugin-api';
import { createBackend } from '@backstage/backend-defaults';
import { ConfigReader } from '@backstage/config';
import {
  catalogProcessingExtensionPoint,
  catalogServiceRef,
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import knexFactory, { Knex } from 'knex';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { cpus, getPriority, loadavg, setPriority, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import {
  benchmarkEntities,
  serviceRef,
  startRunbookServer,
  writeScheduleFile,
} from './cycles/fixtures';
import { startCpuProfile } from './cycles/cpuProfile';
import { databaseBytes, mb, measured, QueryCounter } from './cycles/measure';
import { memoryCatalog } from './cycles/memoryCatalog';
import { RequestProbe } from './cycles/probe';
import {
  benchmarkAuthConfig,
  benchmarkAuthHeader,
} from './shared/benchmarkAuth';
import { printProbeReport } from './cycles/probeReport';
import { RemoteProbe } from './cycles/remoteProbe';
import { startWebReplica } from './cycles/startWebReplica';
import { seedSliEvents } from './cycles/seedSliEvents';

process.env.LOG_LEVEL ??= 'warn';

const SERVICES = Number(process.env.BENCH_SERVICES ?? 10_000);
const MINUTE_SERVICES = Math.min(
  SERVICES,
  Number(process.env.BENCH_MINUTE_SERVICES ?? 20),
);
const RUNS = Number(process.env.BENCH_RUNS ?? 2);
/** BENCH_CPU_PROFILE=<dir>: a CPU profile of each cycle run in that directory (cycles/cpuProfile.ts). */
const CPU_PROFILE_DIR = process.env.BENCH_CPU_PROFILE;
const DB = process.env.BENCH_DB === 'postgres' ? 'postgres' : 'sqlite';
const PG_URL =
  process.env.BENCH_PG_URL ?? 'postgresql://postgres:postgres@127.0.0.1:5432';
const PG_PREFIX = `bench_cycles_${process.pid}_`;
const PORT = Number(process.env.BENCH_PORT ?? 7098);
const SEED_TIMEOUT_MS = 30 * 60_000;

/** The areas' background tasks, in the order the benchmark runs them (trends only where the area exists). */
const ALL_CYCLES = [
  // First: its first run is the first full pass (roll-ups and the services index), after which the probe's pages
  // are listed from the index, as in production and in the baseline taken after the cycles, so every later cycle is
  // compared on the same path. A run right after a pass is the task's minute check (one catalog count, no pass while
  // the count is unchanged), unless BENCH_OVERVIEW_FULL=1.
  {
    id: 'reliability-overview-refresh',
    name: 'overview refresh',
    key: 'overview',
  },
  { id: 'reliability-slo-refresh', name: 'SLO collection', key: 'slo' },
  { id: 'reliability-oncall-refresh', name: 'on-call refresh', key: 'oncall' },
  {
    id: 'reliability-runbooks-refresh',
    name: 'runbook indexing',
    key: 'runbooks',
  },
  {
    id: 'reliability-checklist-refresh',
    name: 'checklist refresh',
    key: 'checklist',
  },
  { id: 'reliability-trends-refresh', name: 'trends snapshot', key: 'trends' },
];
/** BENCH_CYCLES=slo,trends runs only those cycles (keys above); default all. */
const ONLY = process.env.BENCH_CYCLES?.split(',').map(k => k.trim());
const CYCLES = ALL_CYCLES.filter(c => !ONLY || ONLY.includes(c.key));
/** BENCH_OVERVIEW_FULL=1 makes every overview run a full pass (steady passes), not the minute check after the first. */
const OVERVIEW_FULL_PASSES = process.env.BENCH_OVERVIEW_FULL === '1';
/** BENCH_QUERY_SHAPES=1 prints the most frequent query shapes of every cycle run. */
const SHOW_SHAPES = process.env.BENCH_QUERY_SHAPES === '1';
/**
 * BENCH_PROBE=1 requests `GET /api/reliability/overview?limit=50` one at a time during every cycle run and, as the
 * baseline, for BENCH_PROBE_SECONDS (default 20) after the cycles (with their data in place), and prints each run's
 * p95 against the baseline. The probe's own queries are then counted with the cycle's.
 */
const PROBE = process.env.BENCH_PROBE === '1';
const PROBE_BASELINE_MS = Number(process.env.BENCH_PROBE_SECONDS ?? 20) * 1000;
/**
 * With the probe, each cycle run is also compared with the BENCH_PROBE_BEFORE_SECONDS (default 10) of requests just
 * before it, with nothing running: a paired baseline, so a machine whose load drifts during the benchmark does not
 * skew the ratio of one run against a baseline taken minutes later.
 */
const PROBE_BEFORE_MS =
  Number(process.env.BENCH_PROBE_BEFORE_SECONDS ?? 10) * 1000;
/**
 * BENCH_CATALOG=memory answers the plugin's catalog reads from an in-memory list instead of a real catalog backend
 * (see cycles/memoryCatalog.ts): for the cycles at sizes whose catalog seeding would take hours. Without the probe:
 * the overview's sorted, counted pages need the real catalog.
 */
const MEMORY_CATALOG = process.env.BENCH_CATALOG === 'memory';
if (MEMORY_CATALOG && PROBE) {
  throw new Error('BENCH_CATALOG=memory runs without BENCH_PROBE');
}
/**
 * BENCH_WEB_REPLICA=1 (with BENCH_PROBE=1, on PostgreSQL): the probe asks a web-only replica (cycles/webReplica.ts:
 * the same backend in another process on the same databases, `reliability.backgroundTasks.enabled: false`) while
 * this process runs the cycles as the worker replica would.
 */
const WEB_REPLICA = process.env.BENCH_WEB_REPLICA === '1';
if (WEB_REPLICA && (!PROBE || DB !== 'postgres' || MEMORY_CATALOG)) {
  throw new Error(
    'BENCH_WEB_REPLICA=1 needs BENCH_PROBE=1 and BENCH_DB=postgres with the real catalog',
  );
}
/**
 * BENCH_PROBE_PROCESS=1 (always with BENCH_WEB_REPLICA=1): the probe's client runs in a process of its own
 * (cycles/probeProcess.ts), so the cycles' pauses of this process do not delay its timing of the responses.
 */
const PROBE_PROCESS = process.env.BENCH_PROBE_PROCESS === '1' || WEB_REPLICA;
/** Probe requests made and dropped before the first cycle run. */
const PROBE_WARM_UP_MS = 5_000;
/**
 * BENCH_WORKER_NICE=10 (with BENCH_WEB_REPLICA=1): once the web replica and the probes are started, this process
 * (the worker running the cycles) lowers its own CPU priority to that niceness, as a worker replica run with a
 * lower CPU priority or share would be; the web replica and the probe clients keep theirs.
 */
const WORKER_NICE = process.env.BENCH_WORKER_NICE
  ? Number(process.env.BENCH_WORKER_NICE)
  : undefined;
if (WORKER_NICE !== undefined && !WEB_REPLICA) {
  throw new Error('BENCH_WORKER_NICE needs BENCH_WEB_REPLICA=1');
}

/** What each cycle left in its tables, so a cycle that silently failed does not pass for a fast one. */
async function outcome(db: Knex): Promise<string> {
  const count = async (
    table: string,
    where?: (q: Knex.QueryBuilder) => void,
  ) => {
    const query = db(table).count({ n: '*' });
    if (where) where(query);
    const [row] = await query;
    return Number(row.n);
  };
  const sloStates = await count('slo_latest');
  const sloErrors = await count('slo_latest', q => q.whereNotNull('error'));
  const onCall = await count('oncall_latest');
  const onCallErrors = await count('oncall_latest', q =>
    q.whereNotNull('error'),
  );
  const runbooks = await count('runbooks_latest', q =>
    q.where('runbook_count', '>', 0),
  );
  const checklist = await count('checklist_latest');
  return `slo_latest ${sloStates} (${sloErrors} with error), oncall_latest ${onCall} (${onCallErrors} with error), runbooks_latest with runbooks ${runbooks}, checklist_latest ${checklist}`;
}

const tasks = new Map<string, SchedulerServiceTaskFunction>();
const clients: { reliability?: Knex; catalog?: Knex } = {};

/** A scheduler that records tasks and runs them only when the benchmark says so. */
const recordingScheduler = createServiceFactory({
  service: coreServices.scheduler,
  deps: {},
  factory(): SchedulerService {
    return {
      scheduleTask: async task => {
        tasks.set(task.id, task.fn as SchedulerServiceTaskFunction);
      },
      triggerTask: async () => {},
      cancelTask: async () => {},
      getScheduledTasks: async () => [],
      createScheduledTaskRunner: () => ({ run: async () => {} }),
    };
  },
});

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

function entityModule(services: number, baseUrl: string) {
  const provider: EntityProvider = {
    getProviderName: () => 'reliability-cycles-benchmark',
    async connect(connection: EntityProviderConnection) {
      await connection.applyMutation({
        type: 'full',
        entities: benchmarkEntities(services, baseUrl).map(entity => ({
          entity,
          locationKey: 'reliability-cycles-benchmark',
        })),
      });
    },
  };
  return createBackendModule({
    pluginId: 'catalog',
    moduleId: 'reliability-cycles-benchmark-entities',
    register(env) {
      env.registerInit({
        deps: { catalog: catalogProcessingExtensionPoint },
        async init({ catalog }) {
          catalog.addEntityProvider(provider);
        },
      });
    },
  });
}

function rootConfig(options: {
  directory: string;
  runbookBaseUrl: string;
  scheduleFile: string;
}) {
  const { host } = new URL(options.runbookBaseUrl);
  const database =
    DB === 'postgres'
      ? { client: 'pg', connection: PG_URL, prefix: PG_PREFIX }
      : {
          client: 'better-sqlite3',
          connection: { directory: options.directory },
        };
  return createServiceFactory({
    service: coreServices.rootConfig,
    deps: {},
    factory: () =>
      new ConfigReader({
        app: { baseUrl: 'http://localhost:3000' },
        backend: {
          baseUrl: `http://localhost:${PORT}`,
          listen: { port: PORT, host: '127.0.0.1' },
          database,
          reading: { allow: [{ host }] },
          auth: benchmarkAuthConfig,
        },
        catalog: {
          rules: [
            { allow: ['Component', 'System', 'Domain', 'Group', 'User'] },
          ],
          processingInterval: { hours: 24 },
        },
        reliability: {
          onCall: { scheduleFiles: [options.scheduleFile] },
          // Sized for the catalog, as docs/providers.md advises beyond 20,000 entities with SLOs.
          slo: {
            definitionCache: { maxEntries: Math.max(20_000, SERVICES + 1_000) },
          },
        },
      }),
  });
}

async function waitForCatalog(base: string) {
  const deadline = Date.now() + SEED_TIMEOUT_MS;
  let last = -1;
  while (Date.now() < deadline) {
    const response = await fetch(
      `${base}/api/catalog/entities/by-query?filter=kind=component&limit=1`,
      { headers: benchmarkAuthHeader },
    );
    if (!response.ok) throw new Error(`catalog: ${response.status}`);
    const body = await response.json();
    if (body.totalItems !== last) {
      console.log(
        `  catalog: ${body.totalItems}/${SERVICES} components stitched`,
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

interface Row {
  cycle: string;
  run: number;
  seconds: number;
  /** Time spent in the reliability plugin's queries. */
  querySeconds: number;
  reliabilityQueries: number;
  catalogQueries: number;
  peakRss: number;
  dbBytes: number;
}

async function main() {
  const directory = mkdtempSync(join(tmpdir(), 'reliability-cycles-'));
  const runbooks = await startRunbookServer();
  const scheduleFile = writeScheduleFile(directory);
  const backend = createBackend();
  backend.add(
    rootConfig({ directory, runbookBaseUrl: runbooks.baseUrl, scheduleFile }),
  );
  backend.add(recordingScheduler);
  backend.add(import('./../src'));
  backend.add(databaseHandle('reliability'));
  if (MEMORY_CATALOG) {
    const entities = benchmarkEntities(SERVICES, runbooks.baseUrl);
    backend.add(
      createServiceFactory({
        service: catalogServiceRef,
        deps: {},
        factory: () => memoryCatalog(entities),
      }),
    );
  } else {
    backend.add(import('@backstage/plugin-catalog-backend'));
    backend.add(entityModule(SERVICES, runbooks.baseUrl));
    backend.add(databaseHandle('catalog'));
  }

  console.log(
    `Seeding ${SERVICES} services on ${DB} (${
      DB === 'sqlite'
        ? directory
        : `${PG_URL.replace(/:[^:@/]+@/, ':***@')} ${PG_PREFIX}*`
    })...`,
  );
  const seedStart = Date.now();
  let webReplica: { stop(): Promise<void> } | undefined;
  const targets: Array<{ title: string; probe: RequestProbe | RemoteProbe }> =
    [];
  try {
    await backend.start();
    const reliability = clients.reliability;
    const catalog = clients.catalog;
    if (!reliability || (!catalog && !MEMORY_CATALOG)) {
      throw new Error('database handles missing');
    }
    // Only the SLO collection reads the SLI store (without it the trends snapshot finds no SLO states).
    if (CYCLES.some(c => c.key === 'slo')) {
      const sliStart = Date.now();
      const sliRows = await seedSliEvents(
        reliability,
        Array.from({ length: SERVICES }, (_, i) => serviceRef(i)),
        MINUTE_SERVICES,
        new Date(),
      );
      console.log(
        `  SLI store: ${sliRows} intervals (${MINUTE_SERVICES} services by the minute, the rest hourly, 30 days) in ${(
          (Date.now() - sliStart) /
          1000
        ).toFixed(0)} s`,
      );
    }
    // What autovacuum does to a table that has been written to for days: the visibility map that lets the
    // SLI reads be index-only scans, and fresh statistics.
    const vacuumStart = Date.now();
    if (DB === 'postgres') {
      await reliability.raw('VACUUM ANALYZE slo_sli_events');
    } else {
      // A sample per index is enough for the planner; a full ANALYZE of 100,000 services' intervals takes over 10 min.
      await reliability.raw('PRAGMA analysis_limit = 1000');
      await reliability.raw('ANALYZE');
    }
    console.log(
      `  ${DB === 'postgres' ? 'VACUUM ANALYZE' : 'ANALYZE'} in ${(
        (Date.now() - vacuumStart) /
        1000
      ).toFixed(0)} s`,
    );
    if (!MEMORY_CATALOG) await waitForCatalog(`http://127.0.0.1:${PORT}`);
    const seedSeconds = (Date.now() - seedStart) / 1000;
    const sqliteDirectory = DB === 'sqlite' ? directory : undefined;
    const seedBytes = await databaseBytes(
      reliability,
      sqliteDirectory,
      'reliability',
    );
    console.log(
      `Seeded in ${seedSeconds.toFixed(0)} s; reliability database ${mb(
        seedBytes,
      )}, catalog database ${
        catalog
          ? mb(await databaseBytes(catalog, sqliteDirectory, 'catalog'))
          : 'none (BENCH_CATALOG=memory)'
      }`,
    );

    if (WEB_REPLICA) {
      const webStart = Date.now();
      webReplica = await startWebReplica({
        port: PORT + 1,
        pgUrl: PG_URL,
        pgPrefix: PG_PREFIX,
        scheduleFile,
      });
      console.log(
        `  web-only replica (reliability.backgroundTasks.enabled: false) on port ${
          PORT + 1
        }, started in ${((Date.now() - webStart) / 1000).toFixed(0)} s`,
      );
    }
    const overviewUrl = (port: number) =>
      `http://127.0.0.1:${port}/api/reliability/overview?limit=50`;
    const probeOf = (port: number) =>
      PROBE_PROCESS
        ? new RemoteProbe(overviewUrl(port))
        : new RequestProbe(overviewUrl(port), benchmarkAuthHeader);
    const request = `GET /api/reliability/overview?limit=50, one request at a time${
      PROBE_PROCESS ? ' (client in a process of its own)' : ''
    }`;
    // With a web-only replica, the same requests also go to this process (the worker), at the same time: the
    // single-process deployment measured under the very same load.
    if (PROBE) {
      targets.push(
        ...(WEB_REPLICA
          ? [
              {
                title: `${request}, to the web-only replica while this process runs the cycles`,
                probe: probeOf(PORT + 1),
              },
              {
                title: `${request}, to this process, which runs the cycles (as a single-process deployment), at the same time`,
                probe: probeOf(PORT),
              },
            ]
          : [{ title: request, probe: probeOf(PORT) }]),
      );
    }
    const probes: Array<{
      name: string;
      cycle: string;
      run: number;
      /** Per target, in the order of `targets`. */
      samples: number[][];
      before: number[][];
    }> = [];
    const startProbes = () => Promise.all(targets.map(t => t.probe.start()));
    const stopProbes = () => Promise.all(targets.map(t => t.probe.stop()));
    const idleSamples = async (ms: number) => {
      await startProbes();
      await new Promise(r => setTimeout(r, ms));
      return stopProbes();
    };
    if (WORKER_NICE !== undefined) {
      // Every thread of the process (Linux sets a niceness per thread: V8's and libuv's helpers too).
      for (const tid of readdirSync(`/proc/${process.pid}/task`)) {
        setPriority(Number(tid), WORKER_NICE);
      }
      console.log(
        `  this process (the worker) now runs at niceness ${getPriority()}; the web replica and the probes at theirs`,
      );
    }
    // Warm-up, not reported: a process's first requests load their modules (seconds for a replica just started).
    if (PROBE) await idleSamples(PROBE_WARM_UP_MS);
    const reliabilityQueries = new QueryCounter(reliability);
    const catalogQueries = catalog ? new QueryCounter(catalog) : { value: 0 };
    const rows: Row[] = [];
    for (const cycle of CYCLES) {
      const fn = tasks.get(cycle.id);
      if (!fn) {
        console.log(
          `  ${cycle.name}: no task ${cycle.id} (area absent), skipped`,
        );
        continue;
      }
      for (let run = 1; run <= RUNS; run++) {
        if (cycle.key === 'overview' && OVERVIEW_FULL_PASSES) {
          // Every run a full pass, as once per refresh interval (10 minutes) in production: the last pass is made
          // 11 minutes old, so it is due and pages are still listed from the index meanwhile.
          await reliability('overview_services_pass').update({
            listed_at: new Date(Date.now() - 11 * 60_000),
          });
        }
        const before = PROBE ? await idleSamples(PROBE_BEFORE_MS) : [];
        // The paired baseline's queries are not the cycle's.
        reliabilityQueries.takeShapes(0);
        if (catalogQueries instanceof QueryCounter)
          catalogQueries.takeShapes(0);
        const r0 = reliabilityQueries.value;
        const c0 = catalogQueries.value;
        const reads0 = runbooks.reads();
        if (PROBE) await startProbes();
        const stopProfile = CPU_PROFILE_DIR
          ? await startCpuProfile(
              CPU_PROFILE_DIR,
              `${cycle.id.replace('reliability-', '')}-run${run}`,
            )
          : undefined;
        const loopDelay = monitorEventLoopDelay({ resolution: 10 });
        loopDelay.enable();
        const result = await measured(() =>
          Promise.resolve(fn(new AbortController().signal)),
        );
        loopDelay.disable();
        if (stopProfile) console.log(`  CPU profile: ${await stopProfile()}`);
        const probed = PROBE ? await stopProbes() : [];
        const row: Row = {
          cycle: cycle.name,
          run,
          seconds: result.ms / 1000,
          querySeconds: 0,
          reliabilityQueries: reliabilityQueries.value - r0,
          catalogQueries: catalogQueries.value - c0,
          peakRss: result.peakRssBytes,
          dbBytes: await databaseBytes(
            reliability,
            sqliteDirectory,
            'reliability',
          ),
        };
        rows.push(row);
        const reads = runbooks.reads() - reads0;
        console.log(
          `  ${cycle.name} run ${run}: ${row.seconds.toFixed(1)} s, ${
            row.reliabilityQueries
          } queries${
            reads ? `, ${reads} runbook reads` : ''
          }, event-loop delay p50 ${(loopDelay.percentile(50) / 1e6).toFixed(
            0,
          )} ms / p99 ${(loopDelay.percentile(99) / 1e6).toFixed(
            0,
          )} ms / max ${(loopDelay.max / 1e6).toFixed(
            0,
          )} ms, load ${loadavg()[0].toFixed(2)}`,
        );
        if (PROBE)
          probes.push({
            name: `${cycle.name} run ${run}`,
            cycle: cycle.name,
            run,
            samples: probed,
            before,
          });
        const shapes = reliabilityQueries.takeShapes(8);
        row.querySeconds = shapes.totalMs / 1000;
        const catalogShapes =
          catalogQueries instanceof QueryCounter
            ? catalogQueries.takeShapes(4).top
            : [];
        if (SHOW_SHAPES) {
          for (const [database, top] of [
            ['reliability', shapes.top],
            ['catalog', catalogShapes],
          ] as const) {
            for (const { shape, n, ms, maxMs } of top) {
              console.log(
                `      ${database.padEnd(11)} ${String(n).padStart(
                  7,
                )} queries ${(ms / 1000)
                  .toFixed(1)
                  .padStart(6)} s (longest ${maxMs.toFixed(0)} ms)  ${shape}`,
              );
            }
          }
        }
      }
    }

    console.log(`After the cycles: ${await outcome(reliability)}`);
    if (PROBE) {
      const baselines = await idleSamples(PROBE_BASELINE_MS);
      targets.forEach(({ title }, i) =>
        printProbeReport({
          title,
          baseline: baselines[i],
          runs: probes.map(p => ({
            ...p,
            samples: p.samples[i],
            before: p.before[i],
          })),
          cycles: CYCLES.map(c => c.name),
          runsPerCycle: RUNS,
        }),
      );
    }
    const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
    console.log(
      `\n${SERVICES} services, ${DB}, ${cpus().length} CPUs (${
        cpus()[0]?.model
      }), load ${loadavg()
        .map(l => l.toFixed(2))
        .join(' ')}, ${new Date().toISOString()}, Node ${process.version}`,
    );
    console.log(
      line([
        'cycle',
        'run',
        'wall',
        'in queries',
        'queries',
        'queries / service',
        'catalog DB queries',
        'peak RSS',
        'reliability DB',
      ]),
    );
    console.log(
      line(['---', '--:', '--:', '--:', '--:', '--:', '--:', '--:', '--:']),
    );
    for (const row of rows) {
      console.log(
        line([
          row.cycle,
          String(row.run),
          `${row.seconds.toFixed(1)} s`,
          `${row.querySeconds.toFixed(1)} s`,
          String(row.reliabilityQueries),
          (row.reliabilityQueries / SERVICES).toFixed(1),
          String(row.catalogQueries),
          mb(row.peakRss),
          mb(row.dbBytes),
        ]),
      );
    }
  } finally {
    for (const { probe } of targets) {
      if (probe instanceof RemoteProbe) probe.close();
    }
    await webReplica?.stop();
    await backend.stop().catch(() => {});
    runbooks.server.close();
    rmSync(directory, { recursive: true, force: true });
    if (DB === 'postgres') await dropPostgresDatabases();
  }
}

main().then(
  () => process.exit(0),
  error => {
    console.error(String(error?.stack ?? error).slice(0, 3000));
    process.exit(1);
  },
);
