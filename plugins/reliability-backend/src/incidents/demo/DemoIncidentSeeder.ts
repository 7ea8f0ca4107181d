import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { entityRefKey } from '@internal/backstage-plugin-reliability-common';
import {
  CompletableDemoSeeder,
  DemoSeedPass,
  DemoSeedResult,
} from '../../shared/demoSeeding';
import { Refresher } from '../../shared/refresher';
import { IncidentService } from '../IncidentService';
import { DEMO_INCIDENTS, DemoIncident, demoIncidentAt } from './demoIncidents';

const HOUR_MS = 3600_000;

/**
 * DEMO ONLY (enabled by `reliability.demo.seedIncidents: true`): writes the demo catalog's incident history
 * (demoIncidents.ts) to the embedded source, the same way any tool would, for the Components of the catalog
 * that exist (every minute until all of them exist, then hourly). Times count back from the start of the current
 * hour, so runs within an hour write the same incidents (idempotent by id) and the history keeps covering the last
 * 90 days. After the passes that wrote, until all exist, it runs the incidents refresher, so summaries show at
 * once. Shown as "embedded (demo data)".
 */
export class DemoIncidentSeeder implements CompletableDemoSeeder {
  private readonly pass: DemoSeedPass;

  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      service: IncidentService;
      refresher: Refresher;
      logger: LoggerService;
      now: () => Date;
      incidents?: DemoIncident[];
    },
  ) {
    this.pass = new DemoSeedPass({
      item: 'incident',
      target: 'the embedded incident source',
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

  /** Writes the demo incidents of the Components that exist: how many were written, how many Components are missing. */
  async seed(): Promise<DemoSeedResult> {
    const incidents = this.deps.incidents ?? DEMO_INCIDENTS;
    const now = this.deps.now().getTime();
    const anchor = new Date(now - (now % HOUR_MS));
    const byRef = new Map<string, DemoIncident[]>();
    for (const demo of incidents) {
      const ref = `component:default/${demo.component}`;
      byRef.set(ref, [...(byRef.get(ref) ?? []), demo]);
    }
    const refs = [...byRef.keys()];
    const credentials = await this.deps.auth.getOwnServiceCredentials();
    const { items } = await this.deps.catalog.getEntitiesByRefs(
      {
        entityRefs: refs,
        fields: ['kind', 'metadata.namespace', 'metadata.name'],
      },
      { credentials },
    );
    let written = 0;
    for (const entity of items) {
      if (!entity) continue;
      const ref = entityRefKey(entity);
      const response = await this.deps.service.ingest(
        ref,
        (byRef.get(ref) ?? []).map(demo => demoIncidentAt(demo, anchor)),
      );
      written += response.written;
    }
    return { written, missing: items.filter(item => !item).length };
  }
}
