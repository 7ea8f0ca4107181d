import { MaturitySummary } from '@internal/backstage-plugin-reliability-common';
import { ReliabilityContext } from '../context';
import { ReliabilityFeature } from '../features';
import { SummarySource } from '../summaries';
import { AutomaticCheckSources } from './automaticChecks';
import { readChecklistSettings } from './checklistConfig';
import { createChecklistRouter } from './createChecklistRouter';
import { loadChecklist } from './loadChecklist';
import { MaturityService } from './MaturityService';
import { runChecklistRefresh } from './refreshTask';
import { KnexChecklistStore } from './store/KnexChecklistStore';

/** The checklist feature, exposing maturity summaries (and a level index) to the overview. */
export interface ChecklistFeature extends ReliabilityFeature {
  name: 'checklist';
  summaries: SummarySource<MaturitySummary>;
  /** Pages of entity refs at a maturity level, ordered by ref (the overview's level filter). */
  maturityLevels: Pick<MaturityService, 'pageEntityRefsWithLevel'>;
}

/**
 * Builds the reliability-maturity checklist: loads (and validates) the checklist in force, wires the
 * automatic checks to the other areas' summaries (a missing area makes its checks "unknown"), and schedules
 * re-evaluation plus retention.
 */
export async function createChecklistFeature(
  ctx: ReliabilityContext,
  sources: AutomaticCheckSources,
): Promise<ChecklistFeature> {
  const settings = readChecklistSettings(ctx.config);
  const checklist = await loadChecklist(settings);
  const store = KnexChecklistStore.create(ctx.database);
  const service = MaturityService.create({
    store,
    checklist,
    settings,
    sources,
    logger: ctx.logger,
    now: ctx.now,
  });
  ctx.logger.info(
    `Reliability checklist '${checklist.title}' version ${checklist.version} with ${checklist.items.length} items`,
  );
  return {
    name: 'checklist',
    router: createChecklistRouter({
      service,
      store,
      auth: ctx.auth,
      httpAuth: ctx.httpAuth,
      userInfo: ctx.userInfo,
      permissions: ctx.permissions,
      catalog: ctx.catalog,
    }),
    summaries: service,
    maturityLevels: service,
    start: async () => {
      await ctx.scheduler.scheduleTask({
        id: 'reliability-checklist-refresh',
        scope: 'global',
        frequency: { minutes: settings.refreshIntervalMinutes },
        timeout: { minutes: 15 },
        initialDelay: { seconds: 30 },
        fn: async () => {
          await runChecklistRefresh({
            catalog: ctx.catalog,
            auth: ctx.auth,
            service,
            store,
            logger: ctx.logger,
            retentionDays: settings.retentionDays,
            now: ctx.now,
          });
        },
      });
    },
  };
}
