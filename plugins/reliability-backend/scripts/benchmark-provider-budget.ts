/*
 * Benchmark (not a test) of the vendor request budget: one on-call refresh cycle over BENCH_SERVICES (10,000)
 * PagerDuty services against an msw-backed PagerDuty that counts requests and answers 429 past its rate limit
 * (BENCH_VENDOR_LIMIT requests in any 60 s, default 1200). Every service starts with last data from an earlier
 * cycle, so a service the cycle does not refresh keeps it (stale).
 *
 * Run from the repo root: `yarn bench:provider-budget` (BENCH_SERVICES=2000 for a quicker run). Scenarios:
 *   no budget   one cycle; the vendor's 429s decide what is refreshed
 *   budget      budget.requestsPerMinute (BENCH_BUDGET, default 1000) below the vendor limit, two cycles of
 *               BENCH_CYCLE_SECONDS (default 60; the real on-call cycle is its refresh interval, 5 minutes):
 *               requests wait for their turn until the cycle's end, then what the budget has no room for is
 *               refused at once (one log line), and the next cycle starts where this one stopped
 * The real PagerDuty on-call provider, OnCallService, OnCallRefresher and on-call store (SQLite in memory) run;
 * the catalog is a mock.
 */
import { LoggerService } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { ANNOTATIONS } from '@internal/backstage-plugin-reliability-common';
import {
  providerBudgetFromConfig,
  ProviderHttpClient,
} from '@internal/backstage-plugin-reliability-node';
// Benchmark only: the real PagerDuty provider, resolved from the workspace (the backend does not depend on it).
// eslint-disable-next-line @backstage/no-undeclared-imports
import { PagerDutyOnCallProvider } from '@internal/backstage-plugin-reliability-backend-module-pagerduty';
import knexFactory from 'knex';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { cpus, loadavg } from 'node:os';
import { migrateDatabase } from '../src/database/migrateDatabase';
import { OnCallRefresher } from '../src/oncall/OnCallRefresher';
import { OnCallService } from '../src/oncall/OnCallService';
import { PeopleResolver } from '../src/oncall/PeopleResolver';
import { ScheduleAsCodeProvider } from '../src/oncall/scheduleAsCode/ScheduleAsCodeProvider';
import { ScheduleRepository } from '../src/oncall/scheduleAsCode/ScheduleRepository';
import { KnexOnCallStore } from '../src/oncall/store/KnexOnCallStore';

const SERVICES = Number(process.env.BENCH_SERVICES ?? 10_000);
const VENDOR_LIMIT = Number(process.env.BENCH_VENDOR_LIMIT ?? 1200);
const BUDGET = Number(process.env.BENCH_BUDGET ?? 1000);
const CYCLE_MS = Number(process.env.BENCH_CYCLE_SECONDS ?? 60) * 1000;
/** The on-call refresh task's timeout. */
const TASK_TIMEOUT_MS = 10 * 60_000;
const API = 'https://api.pagerduty.bench';
const LAST_CYCLE = new Date(Date.now() - 10 * 60_000);

/** The vendor: counts requests, and answers 429 past VENDOR_LIMIT requests in the last 60 s. */
function vendor() {
  const stats = { requests: 0, tooMany: 0 };
  const accepted: number[] = [];
  const limited = () => {
    const now = Date.now();
    while (accepted.length && accepted[0] <= now - 60_000) accepted.shift();
    if (accepted.length >= VENDOR_LIMIT) {
      stats.tooMany += 1;
      const retryAfter = Math.ceil((accepted[0] + 60_000 - now) / 1000);
      return HttpResponse.json(
        { error: { message: 'Rate Limit Exceeded', code: 2020 } },
        { status: 429, headers: { 'Retry-After': String(retryAfter) } },
      );
    }
    accepted.push(now);
    return undefined;
  };
  const user = { id: 'PUSR1', type: 'user', summary: 'Ana', name: 'Ana' };
  const handlers = [
    http.get(`${API}/services/:id`, ({ params }) => {
      stats.requests += 1;
      return (
        limited() ??
        HttpResponse.json({
          service: {
            id: params.id,
            escalation_policy: {
              id: `P${params.id}`,
              type: 'escalation_policy',
              escalation_rules: [
                {
                  id: 'R1',
                  targets: [{ id: 'PUSR1', type: 'user_reference' }],
                },
              ],
            },
          },
        })
      );
    }),
    http.get(`${API}/oncalls`, () => {
      stats.requests += 1;
      return (
        limited() ??
        HttpResponse.json({
          oncalls: [
            {
              escalation_level: 1,
              user,
              start: null,
              end: null,
            },
          ],
          more: false,
        })
      );
    }),
  ];
  return { stats, handlers };
}

/** Prints warnings, errors and the refresher's summary lines. */
function consoleLogger(lines: string[]): LoggerService {
  const logger: LoggerService = {
    error: message => void lines.push(`error: ${message}`),
    warn: message => void lines.push(`warn: ${message}`),
    info: message => void lines.push(`info: ${message}`),
    debug: () => {},
    child: () => logger,
  };
  return logger;
}

function services(): Entity[] {
  return Array.from({ length: SERVICES }, (_, i) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: `service-${i}`,
      namespace: 'default',
      annotations: { [ANNOTATIONS.pagerDutyServiceId]: `PS${i}` },
    },
    spec: { type: 'service', owner: `group:default/team-${i % 100}` },
  }));
}

async function runScenario(
  name: string,
  budget: Record<string, number> | undefined,
  cycles: number,
) {
  const { stats, handlers } = vendor();
  const server = setupServer(...handlers);
  server.listen({ onUnhandledRequest: 'error' });
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: ':memory:',
    useNullAsDefault: true,
  });
  await migrateDatabase(knex);
  const store = new KnexOnCallStore({ knex });
  const entities = services();
  for (const entity of entities) {
    await store.saveSnapshot(
      `component:default/${entity.metadata.name}`,
      {
        provider: 'pagerduty',
        current: [],
        next: [],
        upcoming: [],
        escalation: [],
        computedAt: LAST_CYCLE.toISOString(),
      },
      LAST_CYCLE,
    );
  }
  const config = new ConfigReader({
    reliability: { pagerduty: { apiBaseUrl: API, token: 't', budget } },
  });
  // As createPagerDutyClient of the module builds it from this config.
  const client = new ProviderHttpClient({
    provider: 'PagerDuty',
    baseUrl: API,
    headers: { Authorization: 'Token token=t' },
    timeoutMs: 10_000,
    retry: { maxAttempts: 4 },
    budget: providerBudgetFromConfig(config, {
      provider: 'PagerDuty',
      configKey: 'reliability.pagerduty',
    }),
  });
  const lines: string[] = [];
  const logger = consoleLogger(lines);
  const catalog = catalogServiceMock({ entities });
  const now = () => new Date();
  const service = new OnCallService({
    providers: [new PagerDutyOnCallProvider(client)],
    store,
    catalog,
    people: new PeopleResolver({
      catalog,
      auth: mockServices.auth(),
      logger,
    }),
    logger,
    now,
    cacheTtlMs: 60_000,
    horizonDays: 7,
    timeoutMs: 15_000,
    groupViewMaxAgeMs: 600_000,
  });
  const refresher = new OnCallRefresher({
    catalog,
    auth: mockServices.auth(),
    logger,
    service,
    store,
    builtIn: new ScheduleAsCodeProvider({
      repository: new ScheduleRepository({ files: [], logger }),
    }),
    now,
    cycleMs: budget ? CYCLE_MS : undefined,
  });
  for (let cycle = 1; cycle <= cycles; cycle++) {
    lines.length = 0;
    const before = { ...stats };
    await runCycle(
      `${name}, cycle ${cycle}`,
      budget,
      async () => {
        await refresher.run(AbortSignal.timeout(TASK_TIMEOUT_MS));
        return {
          requests: stats.requests - before.requests,
          tooMany: stats.tooMany - before.tooMany,
        };
      },
      store,
      entities,
      lines,
    );
  }
  server.close();
  await knex.destroy();
}

async function runCycle(
  name: string,
  budget: Record<string, number> | undefined,
  run: () => Promise<{ requests: number; tooMany: number }>,
  store: KnexOnCallStore,
  entities: Entity[],
  lines: string[],
) {
  const started = Date.now();
  const cycleStart = new Date(started);
  const stats = await run();
  const wallMs = Date.now() - started;
  const latest = await store.getLatest(
    entities.map(e => `component:default/${e.metadata.name}`),
  );
  let refreshed = 0;
  let stale = 0;
  for (const row of latest.values()) {
    if (row.snapshotAt && row.snapshotAt >= cycleStart) refreshed += 1;
    else if (row.snapshot) stale += 1;
  }
  const summary = lines.filter(
    l =>
      l.includes('budget of') ||
      l.startsWith('info: Refreshed on-call') ||
      l.startsWith('info: On-call refresh aborted'),
  );
  const perEntityWarnings = lines.filter(l =>
    l.startsWith('warn: On-call provider'),
  ).length;
  // eslint-disable-next-line no-console
  console.log(
    [
      `| ${name} | ${budget ? JSON.stringify(budget) : '-'} | ${
        stats.requests
      } | ${stats.tooMany} | ${(wallMs / 1000).toFixed(
        1,
      )} s | ${refreshed} | ${stale} | ${perEntityWarnings} |`,
      ...summary.map(l => `    ${l}`),
    ].join('\n'),
  );
}

async function main() {
  // eslint-disable-next-line no-console
  console.log(
    [
      `# Provider budget benchmark, ${new Date().toISOString()}`,
      `machine: ${cpus().length} x ${cpus()[0]?.model}, load average ${loadavg()
        .map(l => l.toFixed(2))
        .join(' ')}, node ${process.version}`,
      `services: ${SERVICES} (2 PagerDuty requests each), vendor limit ${VENDOR_LIMIT} requests in any 60 s, budget cycle ${
        CYCLE_MS / 1000
      } s`,
      '',
      '| scenario | budget | requests | 429s | wall time | refreshed | stale (last data kept) | per-service warnings |',
      '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ].join('\n'),
  );
  await runScenario('no budget', undefined, 1);
  await runScenario(
    'budget',
    { requestsPerMinute: BUDGET, maxConcurrency: 4, maxWaitSeconds: 30 },
    2,
  );
}

main().catch(error => {
  // eslint-disable-next-line no-console
  console.error(error);
  process.exit(1);
});
