import { mockServices } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { migrateDatabase } from '../../database/migrateDatabase';
import { defaultChecklist } from '../defaultChecklist';
import { MaturityService, MaturityServiceOptions } from '../MaturityService';
import { KnexChecklistStore } from '../store/KnexChecklistStore';

/**
 * A migrated checklist store on `knex` and a MaturityService on it, with the default checklist, no automatic
 * check sources and the default validity (180 days) unless overridden.
 */
export async function createTestMaturityService(
  knex: Knex,
  options: Partial<Omit<MaturityServiceOptions, 'store'>> & { now: () => Date },
): Promise<{ store: KnexChecklistStore; service: MaturityService }> {
  await migrateDatabase(knex);
  const store = new KnexChecklistStore({ knex });
  const service = new MaturityService({
    store,
    checklist: defaultChecklist,
    config: { answerValidityDays: 180, runbookCoverageThreshold: 1 },
    sources: {},
    logger: mockServices.logger.mock(),
    ...options,
  });
  return { store, service };
}
