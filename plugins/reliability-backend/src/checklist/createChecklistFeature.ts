import { MaturitySummary } from '@internal/backstage-plugin-reliability-common';
import { ReliabilityContext } from '../context';
import { ReliabilityFeature } from '../feature';
import type { MaturityLevelIndex } from '../overview/sources';
import { scheduleRefresher } from '../shared/refresher';
import { scheduleDemoSeeder } from '../shared/demoSeeding';
import { SummarySource } from '../summaries';
import { AutomaticCheckSources } from './automaticChecks';
import { ChecklistRefresher } from './ChecklistRefresher';
import { ChecklistRollupService } from './ChecklistRollupService';
import { DemoMaturitySeeder } from './demo/DemoMaturitySeeder';
import { readChecklistConfig } from './config';
import { ExemptionService } from './exemptions/ExemptionService';
import { ChecklistListener } from './listener';
import { loadChecklist } from './loadChecklist';
import { MaturityService } from './MaturityService';
import { createChecklistRouter } from './router';
import { KnexChecklistStore } from './store/KnexChecklistStore';
import { KnexExemptionStore } from './store/KnexExemptionStore';

/** The checklist feature, exposing maturity summaries (and a level index) to the overview. */
export type ChecklistFeature = ReliabilityFeature & {
  name: 'checklist';
  summaries: SummarySource<MaturitySummary>;
  /** Pages of entity refs at a maturity level, ordered by ref (the overview's level filter). */
  maturityLevels: MaturityLevelIndex;
  /** Score, level and explanation of one entity (the `get-service-reliability` action). */
  service: MaturityService;
  /** Exemptions of single items (requests, decisions, expiry). */
  exemptions: ExemptionService;
  /** Maturity roll-ups per team, system, domain and org (the trends area's daily snapshots). */
  rollups: ChecklistRollupService;
};

/**
 * Builds the reliability-maturity checklist: loads (and validates) the checklist in force, wires the
 * automatic checks to the other areas' summaries (a missing area makes its checks "unknown"), and schedules
 * re-evaluation plus retention (and, in demo mode, the demo maturity seeder).
 */
export async function createChecklistFeature(
  ctx: ReliabilityContext,
  sources: AutomaticCheckSources & {
    /** Told when exemptions are decided or expire and when levels drop (the notifications area). */
    listener?: ChecklistListener;
    /** DEMO ONLY: whether the automatic checks' areas have their first data (the demo maturity seeder waits). */
    demoAutomaticDataReady?: () => Promise<boolean>;
  },
): Promise<ChecklistFeature> {
  const { listener, demoAutomaticDataReady: _ready, ...checkSources } = sources;
  const config = readChecklistConfig(ctx.config, ctx.logger);
  const checklist = await loadChecklist(config);
  const unknownAutoApproved = config.exemptions.autoApprove.filter(
    id => !checklist.items.some(item => item.id === id),
  );
  if (unknownAutoApproved.length > 0) {
    throw new Error(
      `Invalid reliability.checklist.exemptions.autoApprove: no checklist item ${unknownAutoApproved
        .map(id => `'${id}'`)
        .join(', ')}`,
    );
  }
  const store = new KnexChecklistStore({ knex: ctx.knex });
  const exemptionStore = new KnexExemptionStore({ knex: ctx.knex });
  const service = new MaturityService({
    store,
    exemptions: exemptionStore,
    checklist,
    config,
    sources: checkSources,
    listener,
    logger: ctx.logger,
    now: ctx.now,
  });
  const exemptions = new ExemptionService({
    store: exemptionStore,
    checklist,
    config: config.exemptions,
    maturity: service,
    catalog: ctx.catalog,
    now: ctx.now,
    listener,
  });
  const rollups = new ChecklistRollupService({
    catalog: ctx.catalog,
    store,
    exemptions: exemptionStore,
    checklist,
    now: ctx.now,
  });
  ctx.logger.info(
    `Reliability checklist '${checklist.title}' version ${checklist.version} with ${checklist.items.length} items`,
  );
  await scheduleRefresher(
    ctx.scheduler,
    'reliability-checklist-refresh',
    {
      frequency: config.refreshInterval,
      timeout: { minutes: 15 },
      initialDelay: { seconds: 30 },
    },
    new ChecklistRefresher({
      catalog: ctx.catalog,
      auth: ctx.auth,
      service,
      store,
      exemptions,
      logger: ctx.logger,
      retentionDays: config.retentionDays,
      now: ctx.now,
    }),
  );
  if (config.demoSeeding) {
    const seeder = new DemoMaturitySeeder({
      catalog: ctx.catalog,
      auth: ctx.auth,
      service,
      exemptions: exemptionStore,
      answerValidityDays: config.answerValidityDays,
      logger: ctx.logger,
      now: ctx.now,
      automaticDataReady: sources.demoAutomaticDataReady,
    });
    // Not the area's refresh: seeds the demo catalog once it is in the catalog and the other areas have their
    // first data (`automaticDataReady`), so the synthetic assessments are scored, and their blockers recorded, with
    // the automatic checks' data instead of "no data"; every minute until then, later passes write nothing.
    await scheduleDemoSeeder(ctx.scheduler, 'checklist', seeder, {
      frequency: { minutes: 1 },
      initialDelay: { seconds: 40 },
    });
  }
  return {
    name: 'checklist',
    router: createChecklistRouter({
      auth: ctx.auth,
      httpAuth: ctx.httpAuth,
      userInfo: ctx.userInfo,
      permissions: ctx.permissions,
      catalog: ctx.catalog,
      service,
      rollups,
      exemptions,
    }),
    summaries: service,
    maturityLevels: service,
    service,
    exemptions,
    rollups,
  };
}
