/*
 * The SLO scenario of the provider budget benchmark: SLO collection cycles over SERVICES services, each with one
 * SLO on a Datadog SLO (a rolling 30-day window: the window and the 5 standard burn-rate look-backs, so 6 Datadog
 * requests a service), against an msw-backed Datadog that counts requests and answers 429 past its limit. The real
 * Datadog SLI provider and client, SloEvaluator, SloService, SloRefresher and SLO store (SQLite in memory) run; the
 * catalog is a mock. Every service starts with last data from an earlier cycle.
 */
import { UrlReaderService } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { ANNOTATIONS } from '@internal/backstage-plugin-reliability-common';
import { providerBudgetFromConfig } from '@internal/backstage-plugin-reliability-node';
// Benchmark only: the real Datadog SLI provider, resolved from the workspace (the backend does not depend on it).
// eslint-disable-next-line @backstage/no-undeclared-imports
import {
  DatadogClient,
  DatadogSliProvider,
} from '@internal/backstage-plugin-reliability-backend-module-datadog';
import { http, HttpResponse } from 'msw';
import { chunk } from '../../src/shared/chunk';
import { KnexSliEventStore } from '../../src/slo/embedded/KnexSliEventStore';
import { SloEvaluator } from '../../src/slo/evaluation/SloEvaluator';
import { SloDefinitionLoader } from '../../src/slo/SloDefinitionLoader';
import { budgetCycleMs } from '../../src/shared/budgetCycle';
import { SloRefresher } from '../../src/slo/SloRefresher';
import { SloService } from '../../src/slo/SloService';
import { KnexSloStore } from '../../src/slo/store/KnexSloStore';
import { storedStatus } from '../../src/slo/__testUtils__/sloStatus';
import {
  CYCLE_MS,
  LAST_CYCLE,
  linesLogger,
  printRow,
  rateLimitedVendor,
  SERVICES,
  scenarioSetup,
} from './shared';

/**
 * The SLO collection task's timeout (`reliability.slo.collection.timeout`, default 2 minutes). The refresher's
 * cycle is BENCH_CYCLE_SECONDS (standing for the collection's frequency), at most this timeout, as
 * createSloFeature passes it.
 */
export const SLO_TASK_TIMEOUT_MS = 2 * 60_000;
/** `reliability.slo.collection.providerTimeout` (default 10 s). */
const PROVIDER_TIMEOUT_MS = 10_000;
const SITE = 'datadoghq.bench';
const API = `https://api.${SITE}`;
const SLO_NAME = 'availability';
/** Datadog requests of one collection of a service's SLO: its window and the 5 standard burn-rate look-backs. */
export const REQUESTS_PER_SLO = 6;

/** Datadog: counts requests, and answers 429 past VENDOR_LIMIT requests in the last 60 s. */
function vendor() {
  const { stats, admit } = rateLimitedVendor({
    errors: ['Rate limit exceeded'],
  });
  const handlers = [
    http.get(
      `${API}/api/v1/slo/:id/history`,
      () =>
        admit() ??
        HttpResponse.json({
          data: {
            type: 'metric',
            type_id: 1,
            series: {
              numerator: { sum: 99_950 },
              denominator: { sum: 100_000 },
            },
          },
          errors: null,
        }),
    ),
  ];
  return { stats, handlers };
}

const serviceName = (i: number) => `service-${i}`;
const serviceRef = (i: number) => `component:default/${serviceName(i)}`;

/** One availability SLO on the service's Datadog SLO. */
function sloYaml(i: number) {
  const source = `metricSource: { type: datadog, spec: { sloId: dd-slo-${i} } }`;
  return `apiVersion: openslo/v1
kind: SLO
metadata:
  name: ${SLO_NAME}
spec:
  service: ${serviceName(i)}
  budgetingMethod: Occurrences
  timeWindow:
    - duration: 30d
      isRolling: true
  objectives:
    - target: 0.999
  indicator:
    metadata:
      name: requests
    spec:
      ratioMetric:
        counter: true
        good:
          ${source}
        total:
          ${source}
`;
}

function services(): Entity[] {
  return Array.from({ length: SERVICES }, (_, i) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: serviceName(i),
      namespace: 'default',
      annotations: { [ANNOTATIONS.sloInline]: sloYaml(i) },
    },
    spec: { type: 'service', owner: `group:default/team-${i % 100}` },
  }));
}

/** Inline SLOs only: no file is read. */
const noUrls: UrlReaderService = {
  readUrl: async () => {
    throw new Error('benchmark: inline SLOs only');
  },
  readTree: async () => {
    throw new Error('benchmark: inline SLOs only');
  },
  search: async () => {
    throw new Error('benchmark: inline SLOs only');
  },
};

/** The last data of every service: a collection of its SLO in an earlier cycle. */
async function seedLastData(store: KnexSloStore) {
  const at = LAST_CYCLE.toISOString();
  for (const refs of chunk(
    Array.from({ length: SERVICES }, (_, i) => serviceRef(i)),
    500,
  )) {
    await store.recordCollections(
      refs.map(entityRef => ({
        entityRef,
        facts: { sloNames: [SLO_NAME], definitionErrors: 0 },
        statuses: [
          {
            sloName: SLO_NAME,
            status: storedStatus(at, { target: 0.999, dataSource: 'datadog' }),
            facts: {
              alertCount: 0,
              alertsWithRunbook: 0,
              hasBurnRateAlerts: false,
            },
          },
        ],
      })),
      LAST_CYCLE,
    );
  }
}

/** SLO collection over Datadog: `cycles` cycles with the given budget (undefined: none). */
export async function runSloScenario(
  name: string,
  budget: Record<string, number> | undefined,
  cycles: number,
) {
  const { stats, handlers } = vendor();
  const { knex, close } = await scenarioSetup(handlers);
  const store = new KnexSloStore({ knex });
  await seedLastData(store);
  const config = new ConfigReader({
    reliability: {
      datadog: { site: SITE, apiKey: 'k', applicationKey: 'a', budget },
    },
  });
  // As datadogProviderFromConfig of the module builds it from this config (reliability.datadog.timeoutMs: 15 s).
  const provider = new DatadogSliProvider(
    new DatadogClient({
      site: SITE,
      apiKey: 'k',
      applicationKey: 'a',
      timeoutMs: 15_000,
      budget: providerBudgetFromConfig(config, {
        provider: 'Datadog',
        configKey: 'reliability.datadog',
      }),
    }),
  );
  const lines: string[] = [];
  const logger = linesLogger(lines);
  const now = () => new Date();
  const service = new SloService({
    loader: new SloDefinitionLoader({
      urlReader: noUrls,
      now,
      maxParsedTexts: SERVICES,
    }),
    evaluator: new SloEvaluator({
      providers: [provider],
      callTimeoutMs: PROVIDER_TIMEOUT_MS,
    }),
    store,
    logger,
    now,
  });
  const entities = services();
  const refresher = new SloRefresher({
    auth: mockServices.auth(),
    catalog: catalogServiceMock({ entities }),
    logger,
    service,
    store,
    eventStore: new KnexSliEventStore({ knex }),
    now,
    snapshotRetentionDays: 90,
    sliEventsRetentionDays: 400,
    // As createSloFeature passes it.
    cycleMs: budgetCycleMs(CYCLE_MS, SLO_TASK_TIMEOUT_MS),
  });
  const refs = entities.map((_, i) => serviceRef(i));
  for (let cycle = 1; cycle <= cycles; cycle++) {
    lines.length = 0;
    const before = { ...stats };
    const started = Date.now();
    await refresher.run(AbortSignal.timeout(SLO_TASK_TIMEOUT_MS));
    const wallMs = Date.now() - started;
    const latest = await store.getLatestOf(refs);
    let refreshed = 0;
    let stale = 0;
    for (const statuses of latest.values()) {
      const status = statuses.get(SLO_NAME);
      if (!status) continue;
      if (Date.parse(status.collectedAt) >= started) refreshed += 1;
      else stale += 1;
    }
    printRow(`${name}, cycle ${cycle}`, budget, {
      requests: stats.requests - before.requests,
      tooMany: stats.tooMany - before.tooMany,
      wallMs,
      refreshed,
      stale,
      perServiceWarnings: lines.filter(
        l =>
          l.startsWith('warn: SLO ') &&
          l.includes('collection failed, keeping last data'),
      ).length,
      summary: lines.filter(
        l =>
          l.includes('budget of') ||
          l.startsWith('info: SLO collection:') ||
          l.startsWith('warn: SLO refresh stopped') ||
          l.startsWith('error: '),
      ),
    });
  }
  await close();
}
