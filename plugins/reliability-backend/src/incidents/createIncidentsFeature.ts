import { durationToMilliseconds } from '@backstage/types';
import { IncidentSummary } from '@internal/backstage-plugin-reliability-common';
import { ReliabilityContext } from '../context';
import { ReliabilityFeature } from '../feature';
import { budgetCycleMs } from '../shared/budgetCycle';
import { scheduleRefresher } from '../shared/refresher';
import {
  CompletableDemoSeeder,
  scheduleDemoSeeder,
} from '../shared/demoSeeding';
import { SummarySource } from '../summaries';
import { INCIDENT_WINDOW_DAYS, readIncidentsConfig } from './config';
import { DemoIncidentSeeder } from './demo/DemoIncidentSeeder';
import { IncidentFollowUpService } from './followUp/IncidentFollowUpService';
import { IncidentsRefresher } from './IncidentsRefresher';
import { EMBEDDED_INCIDENT_SOURCE, IncidentService } from './IncidentService';
import { IncidentDocumentSource } from './postmortems/IncidentDocumentSource';
import { incidentsRefreshSchedule } from './refreshSchedule';
import { createIncidentsRouter } from './router';
import { ProviderIncidentSync } from './sources/ProviderIncidentSync';
import { KnexIncidentStore } from './store/KnexIncidentStore';
import { TeamSettings } from './TeamSettings';
import { AreaDataReadiness } from '../dataReadiness';

/** The incidents area as the later areas see it: routes, per-entity summaries and the service. */
export interface IncidentsFeature extends ReliabilityFeature {
  readonly name: 'incidents';
  readonly summaries: SummarySource<IncidentSummary>;
  /** The tasks (and, in the demo, the seeder) that fill its summaries after a start. */
  readonly dataReadiness: AreaDataReadiness;
  readonly service: IncidentService;
}

/** What the incidents area reads from the earlier areas. */
export interface IncidentsFeatureDeps {
  /** The runbooks area's service: an entity's postmortems, pre-mortems and rollback runbooks. */
  documents: IncidentDocumentSource;
}

/**
 * Builds the incidents area: the incident providers of the modules (the embedded source is the area's own
 * store, written through its route), the store, service and router; schedules its refresher
 * (`reliability-incidents-refresh`, global, every `reliability.incidents.refreshInterval`; under vendor request
 * budgets a run waits for turns up to its interval, at most three quarters of its timeout) and, in demo mode,
 * the demo incident seeder.
 */
export async function createIncidentsFeature(
  ctx: ReliabilityContext,
  deps: IncidentsFeatureDeps,
): Promise<IncidentsFeature> {
  const config = readIncidentsConfig(ctx.config, ctx.logger);
  const store = new KnexIncidentStore({ knex: ctx.knex });
  // The embedded source's incidents are the ones written through the route: a module may not take its id.
  const providers = ctx.incidentProviders.filter(p => {
    if (p.id !== EMBEDDED_INCIDENT_SOURCE) return true;
    ctx.logger.warn(
      `Ignoring an incident provider with the reserved id '${EMBEDDED_INCIDENT_SOURCE}'`,
    );
    return false;
  });
  const service = new IncidentService({
    store,
    documents: deps.documents,
    teamSettings: new TeamSettings({
      catalog: ctx.catalog,
      defaultTimeZone: config.defaultTimeZone,
      defaultAcknowledgeTargetSeconds: Math.round(
        config.acknowledgeTargetMs / 1000,
      ),
      now: ctx.now,
    }),
    sync: new ProviderIncidentSync({
      providers,
      store,
      logger: ctx.logger,
      now: ctx.now,
      windowDays: INCIDENT_WINDOW_DAYS,
      timeoutMs: config.providerTimeoutMs,
    }),
    postmortemSeverity: config.postmortemSeverity,
    postmortemBusinessDays: config.postmortemBusinessDays,
    embeddedLabel: config.demoSeeding
      ? `${EMBEDDED_INCIDENT_SOURCE} (demo data)`
      : EMBEDDED_INCIDENT_SOURCE,
    logger: ctx.logger,
    now: ctx.now,
  });
  const schedule = incidentsRefreshSchedule(config.refreshInterval);
  const refresher = new IncidentsRefresher({
    catalog: ctx.catalog,
    auth: ctx.auth,
    service,
    store,
    logger: ctx.logger,
    now: ctx.now,
    retentionDays: config.retentionDays,
    cycleMs: budgetCycleMs(
      durationToMilliseconds(schedule.frequency),
      durationToMilliseconds(schedule.timeout),
    ),
  });
  const refreshTask = await scheduleRefresher(
    ctx.scheduler,
    'reliability-incidents-refresh',
    schedule,
    refresher,
  );

  let demoSeeder: CompletableDemoSeeder | undefined;
  if (config.demoSeeding) {
    const seeder = new DemoIncidentSeeder({
      catalog: ctx.catalog,
      auth: ctx.auth,
      service,
      refresher,
      logger: ctx.logger,
      now: ctx.now,
    });
    demoSeeder = seeder;
    // Not the area's refresh: keeps the demo history relative to "now"; every minute until the catalog has every
    // demo Component, then it writes hourly (idempotent within an hour).
    await scheduleDemoSeeder(ctx.scheduler, 'incidents', seeder, {
      frequency: { minutes: 1 },
      initialDelay: { seconds: 20 },
    });
  }

  return {
    name: 'incidents',
    dataReadiness: { taskIds: [refreshTask], demoSeeder },
    router: createIncidentsRouter({
      httpAuth: ctx.httpAuth,
      permissions: ctx.permissions,
      catalog: ctx.catalog,
      service,
      followUp: new IncidentFollowUpService({
        catalog: ctx.catalog,
        incidents: service,
        now: ctx.now,
      }),
      now: ctx.now,
    }),
    summaries: { getSummaries: refs => service.getSummaries(refs) },
    service,
  };
}
