/*
 * The on-call scenario of the provider budget benchmark: on-call refresh cycles over SERVICES PagerDuty services
 * against an msw-backed PagerDuty (2 requests a service). The real PagerDuty on-call provider, OnCallService,
 * OnCallRefresher and on-call store (SQLite in memory) run; the catalog is a mock.
 */
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
import { http, HttpResponse } from 'msw';
import { OnCallRefresher } from '../../src/oncall/OnCallRefresher';
import { OnCallService } from '../../src/oncall/OnCallService';
import { PeopleResolver } from '../../src/oncall/PeopleResolver';
import { ScheduleAsCodeProvider } from '../../src/oncall/scheduleAsCode/ScheduleAsCodeProvider';
import { ScheduleRepository } from '../../src/oncall/scheduleAsCode/ScheduleRepository';
import { KnexOnCallStore } from '../../src/oncall/store/KnexOnCallStore';
import {
  CYCLE_MS,
  LAST_CYCLE,
  linesLogger,
  printRow,
  rateLimitedVendor,
  SERVICES,
  scenarioSetup,
} from './shared';

/** The on-call refresh task's timeout. */
const TASK_TIMEOUT_MS = 10 * 60_000;
const API = 'https://api.pagerduty.bench';

/** PagerDuty: counts requests, and answers 429 past VENDOR_LIMIT requests in the last 60 s. */
function vendor() {
  const { stats, admit } = rateLimitedVendor({
    error: { message: 'Rate Limit Exceeded', code: 2020 },
  });
  const user = { id: 'PUSR1', type: 'user', summary: 'Ana', name: 'Ana' };
  const handlers = [
    http.get(
      `${API}/services/:id`,
      ({ params }) =>
        admit() ??
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
        }),
    ),
    http.get(
      `${API}/oncalls`,
      () =>
        admit() ??
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
        }),
    ),
  ];
  return { stats, handlers };
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

/** The on-call refresh over PagerDuty: `cycles` cycles with the given budget (undefined: none). */
export async function runOnCallScenario(
  name: string,
  budget: Record<string, number> | undefined,
  cycles: number,
) {
  const { stats, handlers } = vendor();
  const { knex, close } = await scenarioSetup(handlers);
  const store = new KnexOnCallStore({ knex });
  const entities = services();
  await store.saveRefreshes(
    entities.map(entity => ({
      entityRef: `component:default/${entity.metadata.name}`,
      at: LAST_CYCLE,
      snapshot: {
        provider: 'pagerduty',
        current: [],
        next: [],
        upcoming: [],
        escalation: [],
        computedAt: LAST_CYCLE.toISOString(),
      },
    })),
  );
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
  const logger = linesLogger(lines);
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
    const started = Date.now();
    const cycleStart = new Date(started);
    await refresher.run(AbortSignal.timeout(TASK_TIMEOUT_MS));
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
    printRow(`${name}, cycle ${cycle}`, budget, {
      requests: stats.requests - before.requests,
      tooMany: stats.tooMany - before.tooMany,
      wallMs,
      refreshed,
      stale,
      perServiceWarnings: lines.filter(l =>
        l.startsWith('warn: On-call provider'),
      ).length,
      summary: lines.filter(
        l =>
          l.includes('budget of') ||
          l.startsWith('info: Refreshed on-call') ||
          l.startsWith('info: On-call refresh aborted'),
      ),
    });
  }
  await close();
}
