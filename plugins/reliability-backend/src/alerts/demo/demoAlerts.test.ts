import fs from 'node:fs';
import path from 'node:path';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  ANNOTATIONS,
  entityRefKey,
} from '@internal/backstage-plugin-reliability-common';
import { parseAllDocuments } from 'yaml';
import { NOW } from '../__testUtils__/alertFixtures';
import { createTestAlertsArea } from '../__testUtils__/testAlertService';
import { DemoAlertSeeder } from './DemoAlertSeeder';
import { DEMO_ALERTS } from './demoAlerts';

const systemsDir = path.resolve(
  __dirname,
  '../../../../../examples/catalog/systems',
);

/** The demo catalog's entities, with the relations the catalog would derive (ownedBy, dependsOn, dependencyOf). */
function demoCatalog(): Entity[] {
  const entities: Entity[] = fs
    .readdirSync(systemsDir)
    .filter(file => file.endsWith('.yaml'))
    .flatMap(file =>
      parseAllDocuments(
        fs.readFileSync(path.join(systemsDir, file), 'utf8'),
      ).map(doc => doc.toJS() as Entity),
    )
    .filter(Boolean);
  const byRef = new Map(entities.map(e => [entityRefKey(e), e]));
  for (const entity of entities) {
    entity.metadata.uid = `uid-${entityRefKey(entity)}`;
    entity.relations = [];
  }
  for (const entity of entities) {
    const namespace = entity.metadata.namespace ?? 'default';
    const relations = entity.relations!;
    if (typeof entity.spec?.owner === 'string') {
      relations.push({
        type: 'ownedBy',
        targetRef: stringifyEntityRef(
          parseEntityRef(entity.spec.owner, {
            defaultKind: 'group',
            defaultNamespace: namespace,
          }),
        ),
      });
    }
    for (const target of (entity.spec?.dependsOn as string[] | undefined) ??
      []) {
      const ref = entityRefKey(
        parseEntityRef(target, {
          defaultKind: 'component',
          defaultNamespace: namespace,
        }),
      );
      relations.push({ type: 'dependsOn', targetRef: ref });
      byRef.get(ref)?.relations?.push({
        type: 'dependencyOf',
        targetRef: entityRefKey(entity),
      });
    }
  }
  return entities;
}

describe('demo alert inventories', () => {
  it('are believable: entities of the demo catalog, unique ids, firings within 30 days', () => {
    const refs = new Set(demoCatalog().map(entityRefKey));
    for (const [ref, alerts] of Object.entries(DEMO_ALERTS)) {
      expect({ ref, exists: refs.has(ref) }).toEqual({ ref, exists: true });
      const ids = alerts.map(a => a.id);
      expect(new Set(ids).size).toBe(ids.length);
      const oldestHoursAgo = alerts.map(({ firings: plan }) =>
        plan ? plan.firstHoursAgo + (plan.count - 1) * plan.everyHours : 0,
      );
      expect(Math.max(...oldestHoursAgo)).toBeLessThan(30 * 24);
    }
  });

  it('show a noisy alert, an unmonitored shared resource and a tier-1 service without paging alert', async () => {
    const entities = demoCatalog();
    const sloCounts = Object.fromEntries(
      entities
        .filter(e => e.metadata.annotations?.[ANNOTATIONS.sloDefinitions])
        .map(e => [entityRefKey(e), 1]),
    );
    const { service, refresher, catalog } = await createTestAlertsArea({
      entities,
      sloCounts,
    });
    const seeder = new DemoAlertSeeder({
      catalog,
      auth: mockServices.auth(),
      service,
      refresher,
      logger: mockServices.logger.mock(),
      now: () => NOW,
    });
    await seeder.run();
    // A second run within the hour writes the same inventory and firings.
    await seeder.run();

    const org = await service.getCoverage(null, mockCredentials.user());
    expect(org.noisy.map(n => [n.entityRef, n.alert.name])).toEqual([
      ['resource:default/cart-cache', 'CartCacheMemoryHigh'],
    ]);
    expect(org.noisy[0].alert.fired).toBe(40);
    const gaps = org.gaps.map(g => [g.kind, g.entityRef, g.dependents ?? null]);
    expect(gaps).toContainEqual([
      'unmonitored-resource',
      'resource:default/payment-events-topic',
      ['component:default/payments', 'component:default/psp-adapter'],
    ]);
    expect(gaps).toContainEqual([
      'no-paging-alert',
      'component:default/psp-adapter',
      null,
    ]);
    expect(org.coverage.ratio).toBeGreaterThan(0.5);
    expect(org.coverage.ratio).toBeLessThan(1);
    const checkout = entities.find(e => e.metadata.name === 'checkout-api')!;
    const view = await service.getEntityAlerts(
      checkout,
      mockCredentials.user(),
    );
    expect(view.sources.map(s => s.source)).toEqual(['embedded']);
    expect(
      view.alerts.find(a => a.name === 'CheckoutPodsNotReady')?.runbook,
    ).toBeNull();
  });

  it("say an SLO burn alert fires exactly when the demo SLI data of its SLO makes it fire (the SLO card's state)", () => {
    const sloDir = path.resolve(
      __dirname,
      '../../../../../examples/reliability/slo',
    );
    /** The `demoProfile` of each SLO of the demo SLO files, by SLO name. */
    const profiles = new Map<string, string>();
    for (const file of fs.readdirSync(sloDir)) {
      const text = fs.readFileSync(path.join(sloDir, file), 'utf8');
      for (const doc of parseAllDocuments(text).map(d => d.toJS())) {
        if (doc?.kind !== 'SLO') continue;
        // The SLI's metric source names its pattern (absent: healthy).
        const profile = /"demoProfile":"(\w+)"/.exec(JSON.stringify(doc));
        profiles.set(doc.metadata.name, profile?.[1] ?? 'healthy');
      }
    }
    const burns = Object.values(DEMO_ALERTS)
      .flat()
      .filter(alert => alert.id.startsWith('slo/'));
    expect(burns.length).toBeGreaterThan(5);
    for (const alert of burns) {
      const [, slo, speed] = /^slo\/(.+)-(fast|slow)-burn$/.exec(alert.id)!;
      const profile = profiles.get(slo);
      const fires =
        profile === 'paging' || (profile === 'burning' && speed === 'slow');
      expect([alert.name, profile, alert.state]).toEqual([
        alert.name,
        profile,
        fires ? 'firing' : 'ok',
      ]);
    }
  });
});
