import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  AlertFiringInput,
  entityRefKey,
} from '@internal/backstage-plugin-reliability-common';
import {
  CompletableDemoSeeder,
  DemoSeedPass,
  DemoSeedResult,
} from '../../shared/demoSeeding';
import { Refresher } from '../../shared/refresher';
import { AlertService } from '../AlertService';
import { DEMO_ALERTS, DemoAlert, DemoAlertInventories } from './demoAlerts';

const HOUR_MS = 3600_000;
const MINUTE_MS = 60_000;

/** The firings of one demo alert, counted back from `anchor`; the newest stays open when the alert fires. */
export function demoFirings(demo: DemoAlert, anchor: Date): AlertFiringInput[] {
  const plan = demo.firings;
  if (!plan) return [];
  return Array.from({ length: plan.count }, (_, i) => {
    const start =
      anchor.getTime() - (plan.firstHoursAgo + i * plan.everyHours) * HOUR_MS;
    const open = i === 0 && demo.state === 'firing';
    return {
      alertId: demo.id,
      startedAt: new Date(start).toISOString(),
      resolvedAt: open
        ? null
        : new Date(
            Math.min(start + plan.minutes * MINUTE_MS, anchor.getTime()),
          ).toISOString(),
    };
  });
}

/**
 * DEMO ONLY (enabled by `reliability.demo.seedAlerts: true`): writes the demo catalog's alert inventories
 * (demoAlerts.ts) to the embedded alert source, the same way any tool would, for the entities of the catalog
 * that exist (replacing their embedded inventory; every minute until all of them exist, then hourly). Times count
 * back from the start of the current hour, so runs within an hour write the same firings (idempotent). After the
 * passes that wrote, until all exist, it runs the alerts refresher, so summaries show at once. Shown as "embedded
 * (demo data)".
 */
export class DemoAlertSeeder implements CompletableDemoSeeder {
  private readonly pass: DemoSeedPass;

  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      service: AlertService;
      refresher: Refresher;
      logger: LoggerService;
      now: () => Date;
      inventories?: DemoAlertInventories;
    },
  ) {
    this.pass = new DemoSeedPass({
      item: 'alert',
      target: 'the embedded alert source',
      seed: () => this.seed(),
      refresher: deps.refresher,
      logger: deps.logger,
      now: deps.now,
    });
  }

  /** One seeding pass (the seeder's scheduled task, every minute; it writes again hourly once complete). Never throws. */
  run(signal?: AbortSignal): Promise<void> {
    return this.pass.run(signal);
  }

  isComplete(): boolean {
    return this.pass.isComplete();
  }

  /** Writes the demo inventories of the entities that exist: how many alerts were written, how many entities are missing. */
  async seed(): Promise<DemoSeedResult> {
    const inventories = this.deps.inventories ?? DEMO_ALERTS;
    const now = this.deps.now().getTime();
    const anchor = new Date(now - (now % HOUR_MS));
    const refs = Object.keys(inventories);
    const credentials = await this.deps.auth.getOwnServiceCredentials();
    const { items } = await this.deps.catalog.getEntitiesByRefs(
      {
        entityRefs: refs,
        fields: ['kind', 'metadata.namespace', 'metadata.name'],
      },
      { credentials },
    );
    let written = 0;
    for (const [i, entity] of items.entries()) {
      if (!entity) continue;
      const demos = inventories[refs[i]];
      const response = await this.deps.service.ingest(entityRefKey(entity), {
        replace: true,
        alerts: demos.map(demo => ({
          id: demo.id,
          name: demo.name,
          state: demo.state,
          severity: demo.severity,
          pages: demo.pages,
          runbookUrl: demo.runbookUrl ?? null,
          description: demo.description,
          query: demo.query,
          labels: { source: 'demo', service: entity.metadata.name },
        })),
        firings: demos.flatMap(demo => demoFirings(demo, anchor)),
      });
      written += response.alerts;
    }
    return { written, missing: items.filter(item => !item).length };
  }
}
