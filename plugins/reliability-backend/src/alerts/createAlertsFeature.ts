import {
  AlertSummary,
  SloSummary,
} from '@internal/backstage-plugin-reliability-common';
import { ReliabilityContext } from '../context';
import { ReliabilityFeature } from '../feature';
import { scheduleRefresher } from '../shared/refresher';
import {
  CompletableDemoSeeder,
  scheduleDemoSeeder,
} from '../shared/demoSeeding';
import { SummarySource } from '../summaries';
import { AlertRunbookSource } from './AlertRunbookSource';
import { AlertService, EMBEDDED_ALERT_SOURCE } from './AlertService';
import { AlertsRefresher } from './AlertsRefresher';
import { readAlertsConfig } from './config';
import { DemoAlertSeeder } from './demo/DemoAlertSeeder';
import { createAlertsRouter } from './router';
import { AlertSourceSync } from './sources/AlertSourceSync';
import { KnexAlertStore } from './store/KnexAlertStore';
import { AreaDataReadiness } from '../dataReadiness';

/** The alerts area as the later areas see it: routes, per-entity summaries and the service. */
export interface AlertsFeature extends ReliabilityFeature {
  readonly name: 'alerts';
  readonly summaries: SummarySource<AlertSummary>;
  /** The tasks (and, in the demo, the seeder) that fill its summaries after a start. */
  readonly dataReadiness: AreaDataReadiness;
  readonly service: AlertService;
}

/** What the alerts area reads from the earlier areas. */
export interface AlertsFeatureDeps {
  /** The SLO area's summaries: which services have SLOs (gap "tier-1 service with SLOs but no paging alert"). */
  slo: SummarySource<SloSummary>;
  /** The runbooks area's service: the runbooks whose `answers` name an alert. */
  runbooks: AlertRunbookSource;
}

/**
 * Builds the alerts area: the alert sources of the modules (the embedded source is the area's own store,
 * written through its route), the store, service and router; schedules its refresher
 * (`reliability-alerts-refresh`, global, every `reliability.alerts.refreshInterval`) and, in demo mode, the
 * demo alert seeder.
 */
export async function createAlertsFeature(
  ctx: ReliabilityContext,
  deps: AlertsFeatureDeps,
): Promise<AlertsFeature> {
  const config = readAlertsConfig(ctx.config, ctx.logger);
  const store = new KnexAlertStore({ knex: ctx.knex });
  const seen = new Set<string>();
  // The embedded source's alerts are the ones written through the route: a module may not take its id.
  const sources = ctx.alertSources.filter(source => {
    if (source.id === EMBEDDED_ALERT_SOURCE || seen.has(source.id)) {
      ctx.logger.warn(
        `Ignoring an alert source with the ${
          seen.has(source.id) ? 'repeated' : 'reserved'
        } id '${source.id}'`,
      );
      return false;
    }
    seen.add(source.id);
    return true;
  });
  const sync = new AlertSourceSync({
    sources,
    store,
    logger: ctx.logger,
    now: ctx.now,
    timeoutMs: config.sourceTimeoutMs,
  });
  const service = new AlertService({
    store,
    runbooks: deps.runbooks,
    slo: deps.slo,
    catalog: ctx.catalog,
    sourceIds: sync.sourceIds,
    noise: config.noise,
    embeddedLabel: config.demoSeeding
      ? `${EMBEDDED_ALERT_SOURCE} (demo data)`
      : EMBEDDED_ALERT_SOURCE,
    logger: ctx.logger,
    now: ctx.now,
  });
  const refresher = new AlertsRefresher({
    catalog: ctx.catalog,
    auth: ctx.auth,
    service,
    sync,
    store,
    slo: deps.slo,
    mappingLabel: config.mappingLabel,
    logger: ctx.logger,
    now: ctx.now,
    retentionDays: config.retentionDays,
  });
  const refreshTask = await scheduleRefresher(
    ctx.scheduler,
    'reliability-alerts-refresh',
    {
      frequency: config.refreshInterval,
      timeout: { minutes: 15 },
      initialDelay: { seconds: 55 },
    },
    refresher,
  );

  let demoSeeder: CompletableDemoSeeder | undefined;
  if (config.demoSeeding) {
    const seeder = new DemoAlertSeeder({
      catalog: ctx.catalog,
      auth: ctx.auth,
      service,
      refresher,
      logger: ctx.logger,
      now: ctx.now,
    });
    demoSeeder = seeder;
    // Not the area's refresh: keeps the demo firing history relative to "now"; every minute until the catalog has
    // every demo entity, then it writes hourly (idempotent within an hour).
    await scheduleDemoSeeder(ctx.scheduler, 'alerts', seeder, {
      frequency: { minutes: 1 },
      initialDelay: { seconds: 25 },
    });
  }

  return {
    name: 'alerts',
    dataReadiness: { taskIds: [refreshTask], demoSeeder },
    router: createAlertsRouter({
      httpAuth: ctx.httpAuth,
      permissions: ctx.permissions,
      catalog: ctx.catalog,
      service,
      now: ctx.now,
    }),
    summaries: { getSummaries: refs => service.getSummaries(refs) },
    service,
  };
}
