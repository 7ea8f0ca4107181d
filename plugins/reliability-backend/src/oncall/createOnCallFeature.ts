import { OnCallSummary } from '@internal/backstage-plugin-reliability-common';
import { ReliabilityContext } from '../context';
import { ReliabilityFeature } from '../features';
import { SummarySource } from '../summaries';
import { createOnCallRouter } from './createOnCallRouter';
import { createOnCallSummaries } from './onCallSummaries';
import { OnCallRefresher } from './OnCallRefresher';
import { OnCallService } from './OnCallService';
import { KnexOnCallStore } from './OnCallStore';
import { PeopleResolver } from './PeopleResolver';
import { ScheduleAsCodeProvider } from './scheduleAsCode/ScheduleAsCodeProvider';
import { ScheduleRepository } from './scheduleAsCode/ScheduleRepository';

/** The on-call feature: routes, scheduled refresh, and on-call summaries for the other areas. */
export interface OnCallFeature extends ReliabilityFeature {
  name: 'oncall';
  summaries: SummarySource<OnCallSummary>;
  service: OnCallService;
}

function boundedNumber(
  ctx: ReliabilityContext,
  key: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const value = ctx.config.getOptionalNumber(key) ?? fallback;
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new Error(
      `Invalid config ${key}: must be a number from ${min} to ${max}`,
    );
  }
  return value;
}

/**
 * Builds the on-call feature from the shared context. Registers the built-in schedule-as-code provider
 * after any provider modules (PagerDuty, Opsgenie), so an entity with their annotations uses them.
 */
export async function createOnCallFeature(
  ctx: ReliabilityContext,
): Promise<OnCallFeature> {
  const key = (name: string) => `reliability.onCall.${name}`;
  const cacheTtlSeconds = boundedNumber(
    ctx,
    key('cacheTtlSeconds'),
    60,
    0,
    3600,
  );
  const refreshMinutes = boundedNumber(
    ctx,
    key('refreshIntervalMinutes'),
    5,
    1,
    60,
  );
  const horizonDays = boundedNumber(ctx, key('horizonDays'), 14, 1, 90);
  const timeoutSeconds = boundedNumber(
    ctx,
    key('providerTimeoutSeconds'),
    15,
    1,
    120,
  );
  const reloadSeconds = boundedNumber(
    ctx,
    key('scheduleFilesRefreshSeconds'),
    60,
    10,
    86400,
  );

  const repository = new ScheduleRepository({
    files: ctx.config.getOptionalStringArray(key('scheduleFiles')) ?? [],
    logger: ctx.logger,
  });
  await repository.reload();
  const builtIn = new ScheduleAsCodeProvider(repository);
  ctx.onCallProviders.push(builtIn);

  const store = new KnexOnCallStore(ctx.database);
  const service = new OnCallService({
    providers: ctx.onCallProviders,
    store,
    people: new PeopleResolver(ctx.catalog, ctx.auth, ctx.logger),
    logger: ctx.logger,
    now: ctx.now,
    cacheTtlMs: cacheTtlSeconds * 1000,
    horizonDays,
    timeoutMs: timeoutSeconds * 1000,
  });
  const refresher = new OnCallRefresher({
    catalog: ctx.catalog,
    auth: ctx.auth,
    scheduler: ctx.scheduler,
    logger: ctx.logger,
    service,
    store,
    builtIn,
    now: ctx.now,
    frequency: { minutes: refreshMinutes },
  });

  return {
    name: 'oncall',
    service,
    summaries: createOnCallSummaries(store, ctx.now),
    router: createOnCallRouter({
      httpAuth: ctx.httpAuth,
      catalog: ctx.catalog,
      service,
      store,
      now: ctx.now,
      maxAgeMs: 2 * refreshMinutes * 60_000,
    }),
    async start() {
      if (repository.files.length > 0) {
        await ctx.scheduler.scheduleTask({
          id: 'reliability-oncall-schedule-files',
          // Every replica reads its own copy of the files.
          scope: 'local',
          frequency: { seconds: reloadSeconds },
          timeout: { minutes: 1 },
          initialDelay: { seconds: reloadSeconds },
          fn: async () => {
            await repository.reload();
          },
        });
      }
      await refresher.schedule();
    },
  };
}
