import { durationToMilliseconds } from '@backstage/types';
import { OnCallSummary } from '@internal/backstage-plugin-reliability-common';
import { ReliabilityContext } from '../context';
import { ReliabilityFeature } from '../feature';
import { budgetCycleMs } from '../shared/budgetCycle';
import { scheduleRefresher } from '../shared/refresher';
import { SummarySource } from '../summaries';
import { readOnCallConfig } from './config';
import { createOnCallSummaries } from './onCallSummaries';
import { OnCallRefresher } from './OnCallRefresher';
import { OnCallService } from './OnCallService';
import { PeopleResolver } from './PeopleResolver';
import { createOnCallRouter } from './router';
import { ScheduleAsCodeProvider } from './scheduleAsCode/ScheduleAsCodeProvider';
import { ScheduleRepository } from './scheduleAsCode/ScheduleRepository';
import { KnexOnCallStore } from './store/KnexOnCallStore';
import { AreaDataReadiness } from '../dataReadiness';

/** Longest an on-call refresh run may take (the scheduler's timeout). */
const ONCALL_REFRESH_TIMEOUT = { minutes: 10 };

/** The on-call area: routes, on-call summaries for the later areas, and its service. */
export interface OnCallFeature extends ReliabilityFeature {
  readonly name: 'oncall';
  readonly summaries: SummarySource<OnCallSummary>;
  /** The tasks (and, in the demo, the seeder) that fill its summaries after a start. */
  readonly dataReadiness: AreaDataReadiness;
  readonly service: OnCallService;
}

/**
 * Builds the on-call area and schedules its refresher (`reliability-oncall-refresh`, global). Providers are
 * the modules' (PagerDuty, Opsgenie) first, then the built-in schedules as code, so an entity with both kinds
 * of annotations uses the module. When schedule files are configured, every replica re-reads them on its own
 * (`reliability-oncall-schedule-files`, scope local).
 */
export async function createOnCallFeature(
  ctx: ReliabilityContext,
): Promise<OnCallFeature> {
  const config = readOnCallConfig(ctx.config, ctx.logger);

  const repository = new ScheduleRepository({
    files: config.scheduleFiles,
    logger: ctx.logger,
  });
  await repository.reload();
  const builtIn = new ScheduleAsCodeProvider({ repository });

  const store = new KnexOnCallStore({ knex: ctx.knex });
  const service = new OnCallService({
    providers: [...ctx.onCallProviders, builtIn],
    store,
    catalog: ctx.catalog,
    people: new PeopleResolver({
      catalog: ctx.catalog,
      auth: ctx.auth,
      logger: ctx.logger,
    }),
    logger: ctx.logger,
    now: ctx.now,
    cacheTtlMs: config.cacheTtlMs,
    horizonDays: config.horizonDays,
    timeoutMs: config.providerTimeoutMs,
    groupViewMaxAgeMs: 2 * durationToMilliseconds(config.refreshInterval),
  });

  const refreshTask = await scheduleRefresher(
    ctx.scheduler,
    'reliability-oncall-refresh',
    {
      frequency: config.refreshInterval,
      timeout: ONCALL_REFRESH_TIMEOUT,
      initialDelay: { seconds: 30 },
    },
    new OnCallRefresher({
      catalog: ctx.catalog,
      auth: ctx.auth,
      logger: ctx.logger,
      service,
      store,
      builtIn,
      now: ctx.now,
      // A run waits for vendor budget turns up to its interval (at most three quarters of its timeout), then
      // refuses the rest (one log line); the next run starts at the first entity refused.
      cycleMs: budgetCycleMs(
        durationToMilliseconds(config.refreshInterval),
        durationToMilliseconds(ONCALL_REFRESH_TIMEOUT),
      ),
    }),
  );
  if (repository.files.length > 0) {
    // Every replica reads its own copy of the files (docs/architecture.md: the one allowed local task).
    await scheduleRefresher(
      ctx.scheduler,
      'reliability-oncall-schedule-files',
      {
        frequency: config.scheduleFilesRefresh,
        timeout: { minutes: 1 },
        initialDelay: config.scheduleFilesRefresh,
      },
      { run: () => repository.reload() },
      'local',
    );
  }

  return {
    name: 'oncall',
    dataReadiness: { taskIds: [refreshTask] },
    service,
    summaries: createOnCallSummaries(store, ctx.now),
    router: createOnCallRouter({
      httpAuth: ctx.httpAuth,
      catalog: ctx.catalog,
      service,
    }),
  };
}
