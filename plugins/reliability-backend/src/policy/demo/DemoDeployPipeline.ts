import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { entityRefKey } from '@internal/backstage-plugin-reliability-common';
import { randomUUID } from 'node:crypto';
import type { CompletableDemoSeeder } from '../../shared/demoSeeding';
import type { DeployGateService } from '../deployGate/DeployGateService';
import type { PolicyStore } from '../store/PolicyStore';

const HOUR_MS = 3600_000;
const DAY_MS = 24 * HOUR_MS;

/** Who the demo's deploys are asked by, as the gate's answers and the checklist's evidence show it. */
export const DEMO_PIPELINE = 'external:demo-pipeline';

/**
 * The demo catalog's services whose (simulated) pipelines ask the deploy gate; the others never do, so the
 * checklist's `deploys-ask-gate` item fails for them (inventory-service, tracking-service, warehouse-management,
 * carrier-integration, psp-adapter).
 */
export const DEMO_PIPELINE_SERVICES = [
  'payments',
  'checkout-api',
  'cart-service',
  'api-gateway',
  'order-api',
  'product-service',
  'search-service',
  'fraud-check',
  'identity-service',
];

/** How often each simulated pipeline deploys, i.e. asks the gate. */
const DEPLOY_EVERY_MS = 6 * HOUR_MS;

/** The past break-glass override the demo's SLO review report lists (payments, three days ago, for two hours). */
const DEMO_OVERRIDE = {
  service: 'payments',
  createdBy: 'user:default/jonas.berg',
  reason:
    'Demo data (synthetic): hotfix for the card-decline spike while deploys were halted',
  daysAgo: 3,
  hours: 2,
};

/** What one pass wrote. */
export interface DemoDeployPipelineResult {
  answers: number;
  overrides: number;
}

/**
 * DEMO ONLY (enabled by `reliability.demo.seedDeployGate: true`): simulated deploy pipelines of the demo catalog's
 * services ask the real deploy gate, as {@link DEMO_PIPELINE} with a context saying "Demo data (synthetic)", each
 * about every six hours (a pass asks for the services whose newest answer is older), and one past override of
 * payments is written once (three days ago, two hours long, by a member of its team), so the service's gate
 * activity, the checklist's `deploys-ask-gate` item and the SLO review report's overrides have something to show.
 * Services missing from the catalog are skipped; a pass never throws. It is complete once a pass found every one
 * of them (the catalog may still be reading its locations at the first pass).
 */
export class DemoDeployPipeline implements CompletableDemoSeeder {
  private told = false;
  private complete = false;

  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      deployGate: Pick<DeployGateService, 'answer'>;
      store: Pick<
        PolicyStore,
        'getLastGateAnswers' | 'getOverridesCreatedBetween' | 'createOverride'
      >;
      logger: LoggerService;
      now: () => Date;
    },
  ) {}

  isComplete(): boolean {
    return this.complete;
  }

  /** One pass (the seeder's scheduled task). Never throws. */
  async run(): Promise<void> {
    try {
      const { answers, overrides } = await this.seed();
      if (!this.told && answers + overrides > 0) {
        this.told = true;
        this.deps.logger.info(
          `Demo deploy pipelines asked the deploy gate ${answers} times and wrote ${overrides} SYNTHETIC demo override(s); they keep asking about every 6 hours`,
        );
      }
    } catch (error) {
      this.deps.logger.warn(`Demo deploy pipelines failed: ${error}`);
    }
  }

  async seed(): Promise<DemoDeployPipelineResult> {
    const { catalog, auth, deployGate, store, now } = this.deps;
    const credentials = await auth.getOwnServiceCredentials();
    const { items } = await catalog.getEntitiesByRefs(
      {
        entityRefs: DEMO_PIPELINE_SERVICES.map(
          name => `component:default/${name}`,
        ),
      },
      { credentials },
    );
    const services = items.filter((e): e is Entity => Boolean(e));
    const last = await store.getLastGateAnswers(
      services.map(e => entityRefKey(e)),
    );
    const at = now();
    let answers = 0;
    for (const service of services) {
      const previous = last.get(entityRefKey(service));
      if (
        previous &&
        at.getTime() - new Date(previous.askedAt).getTime() < DEPLOY_EVERY_MS
      ) {
        continue;
      }
      await deployGate.answer(
        service,
        DEMO_PIPELINE,
        `Demo data (synthetic): simulated deploy of ${service.metadata.name}`,
      );
      answers++;
    }
    const overrides = services.some(
      e => e.metadata.name === DEMO_OVERRIDE.service,
    )
      ? await this.seedOverride(at)
      : 0;
    if (services.length === DEMO_PIPELINE_SERVICES.length) {
      this.complete = true;
    }
    return { answers, overrides };
  }

  /** Writes the demo override unless payments has an override created in the last 14 days (demo or real). */
  private async seedOverride(at: Date): Promise<number> {
    const { store } = this.deps;
    const entityRef = `component:default/${DEMO_OVERRIDE.service}`;
    const recent = await store.getOverridesCreatedBetween(
      [entityRef],
      new Date(at.getTime() - 14 * DAY_MS),
      at,
      1,
    );
    if (recent.length > 0) return 0;
    const createdAt = new Date(at.getTime() - DEMO_OVERRIDE.daysAgo * DAY_MS);
    await store.createOverride({
      id: randomUUID(),
      entityRef,
      reason: DEMO_OVERRIDE.reason,
      createdBy: DEMO_OVERRIDE.createdBy,
      createdAt: createdAt.toISOString(),
      expiresAt: new Date(
        createdAt.getTime() + DEMO_OVERRIDE.hours * HOUR_MS,
      ).toISOString(),
    });
    return 1;
  }
}
