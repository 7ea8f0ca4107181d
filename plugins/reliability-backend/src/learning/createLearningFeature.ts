import { ReliabilityContext } from '../context';
import { ReliabilityFeature } from '../feature';
import {
  EntityDocumentReader,
  readDocumentAllowRules,
} from '../shared/entityDocuments';
import { scheduleRefresher } from '../shared/refresher';
import { readLearningConfig } from './config';
import { LearningRefresher } from './LearningRefresher';
import { LearningService } from './LearningService';
import { LearningPathReader } from './paths/LearningPathReader';
import { createLearningRouter } from './router';
import { LearningRunbookIndex } from './sources';
import { KnexLearningStore } from './store/KnexLearningStore';

/** The learning feature. */
export type LearningFeature = ReliabilityFeature & {
  name: 'learning';
  /** Learning paths and each user's progress. */
  service: LearningService;
};

/**
 * Builds the learning area: team learning paths read from the file a Group's `learning-path` annotation names
 * (through the shared document reader), each user's progress in `learning_progress`, and the daily retention
 * (`reliability-learning-refresh`, global, every `reliability.learning.refreshInterval`).
 */
export async function createLearningFeature(
  ctx: ReliabilityContext,
  deps: {
    /** The runbooks area's index: titles of the runbooks and postmortems a path names. */
    runbookIndex?: LearningRunbookIndex;
  },
): Promise<LearningFeature> {
  const config = readLearningConfig(ctx.config, ctx.logger);
  const service = new LearningService({
    catalog: ctx.catalog,
    userInfo: ctx.userInfo,
    reader: new LearningPathReader({
      documents: new EntityDocumentReader({
        urlReader: ctx.urlReader,
        allow: readDocumentAllowRules(ctx.config),
      }),
      now: ctx.now,
    }),
    store: new KnexLearningStore({ knex: ctx.knex }),
    runbookIndex: deps.runbookIndex,
    now: ctx.now,
  });
  await scheduleRefresher(
    ctx.scheduler,
    'reliability-learning-refresh',
    {
      frequency: config.refreshInterval,
      timeout: { minutes: 15 },
      initialDelay: { minutes: 2 },
    },
    new LearningRefresher({
      service,
      auth: ctx.auth,
      logger: ctx.logger,
      retentionDays: config.retentionDays,
    }),
  );
  return {
    name: 'learning',
    router: createLearningRouter({
      httpAuth: ctx.httpAuth,
      permissions: ctx.permissions,
      service,
    }),
    service,
  };
}
