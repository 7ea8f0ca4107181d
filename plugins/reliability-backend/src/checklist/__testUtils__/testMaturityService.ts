import { mockServices } from '@backstage/backend-test-utils';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Knex } from 'knex';
import { migrateDatabase } from '../../database/migrateDatabase';
import { defaultChecklist } from '../defaultChecklist';
import { MaturityService, MaturityServiceOptions } from '../MaturityService';
import { KnexChecklistStore } from '../store/KnexChecklistStore';
import { KnexExemptionStore } from '../store/KnexExemptionStore';
import { ExemptionService } from '../exemptions/ExemptionService';
import { ExemptionsConfig } from '../config';

/**
 * A migrated checklist store on `knex` and a MaturityService on it, with the default checklist, no automatic
 * check sources and the default validity (180 days) unless overridden, and an ExemptionService on the same
 * database (default exemption config: 180 days at most, nothing auto-approved).
 */
export async function createTestMaturityService(
  knex: Knex,
  options: Partial<Omit<MaturityServiceOptions, 'store' | 'exemptions'>> & {
    now: () => Date;
    exemptionsConfig?: Partial<ExemptionsConfig>;
    catalog?: CatalogService;
  },
): Promise<{
  store: KnexChecklistStore;
  exemptions: KnexExemptionStore;
  service: MaturityService;
  exemptionService: ExemptionService;
}> {
  const { exemptionsConfig, catalog, ...serviceOptions } = options;
  await migrateDatabase(knex);
  const store = new KnexChecklistStore({ knex });
  const exemptions = new KnexExemptionStore({ knex });
  const service = new MaturityService({
    store,
    exemptions,
    checklist: defaultChecklist,
    config: {
      answerValidityDays: 180,
      runbookCoverageThreshold: 1,
      deployGateAskedWithinDays: 30,
    },
    sources: {},
    logger: mockServices.logger.mock(),
    ...serviceOptions,
  });
  const exemptionService = new ExemptionService({
    store: exemptions,
    checklist: service.checklist,
    config: {
      maxDuration: { days: 180 },
      autoApprove: [],
      historyDays: 365,
      ...exemptionsConfig,
    },
    maturity: service,
    catalog: catalog ?? catalogServiceMock({ entities: [] }),
    now: options.now,
  });
  return { store, exemptions, service, exemptionService };
}
