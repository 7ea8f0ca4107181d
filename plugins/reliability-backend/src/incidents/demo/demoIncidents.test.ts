import fs from 'node:fs';
import path from 'node:path';
import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { isAtLeastAsSevere } from '@internal/backstage-plugin-reliability-common';
import {
  parseRunbookMarkdown,
  postmortemDetailsOf,
} from '../../runbooks/sources/frontMatter';
import { serviceEntity } from '../__testUtils__/incidentFixtures';
import { DEFAULT_POSTMORTEM_SEVERITY } from '../config';
import { DemoIncidentSeeder } from './DemoIncidentSeeder';
import { DEMO_INCIDENTS, demoIncidentAt } from './demoIncidents';

const runbooksDir = path.resolve(
  __dirname,
  '../../../../../examples/reliability/runbooks',
);

/** Front matter of every demo document, by component. */
function demoDocuments() {
  return fs
    .readdirSync(runbooksDir, { withFileTypes: true })
    .filter(entry => entry.isDirectory())
    .flatMap(dir =>
      fs
        .readdirSync(path.join(runbooksDir, dir.name))
        .filter(file => file.endsWith('.md'))
        .map(file => ({
          component: dir.name,
          file,
          frontMatter: parseRunbookMarkdown(
            fs.readFileSync(path.join(runbooksDir, dir.name, file), 'utf8'),
          ).frontMatter,
        })),
    );
}

describe('demo incident history', () => {
  it('is believable: within 90 days, unique ids, components with runbooks, consistent times', () => {
    const anchor = new Date('2026-11-30T12:00:00.000Z');
    const ids = DEMO_INCIDENTS.map(d => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const demo of DEMO_INCIDENTS) {
      expect(fs.existsSync(path.join(runbooksDir, demo.component))).toBe(true);
      const incident = demoIncidentAt(demo, anchor);
      expect(Date.parse(incident.startedAt)).toBeGreaterThan(
        anchor.getTime() - 90 * 86_400_000,
      );
      // An open incident "ends" at its start here: nothing to compare.
      const end = Date.parse(incident.resolvedAt ?? incident.startedAt);
      expect(end).toBeGreaterThanOrEqual(Date.parse(incident.startedAt));
      expect(end).toBeLessThanOrEqual(anchor.getTime());
      expect(incident.url).toMatch(/^https:\/\/status\.parcelly\.example\//);
    }
    // Every state of the loop shows: open, with and without postmortems.
    expect(DEMO_INCIDENTS.some(d => d.resolveMinutes === undefined)).toBe(true);
  });

  it('has postmortems naming real demo incidents of their component, with action items, and a pre-mortem with a launch date', () => {
    const documents = demoDocuments();
    const named = documents.flatMap(d =>
      (d.frontMatter.incidents ?? []).map(id => ({
        component: d.component,
        id,
      })),
    );
    expect(named.length).toBeGreaterThanOrEqual(3);
    for (const { component, id } of named) {
      expect({
        id,
        component: DEMO_INCIDENTS.find(d => d.id === id)?.component,
      }).toEqual({ id, component });
    }
    const needed = DEMO_INCIDENTS.filter(d =>
      isAtLeastAsSevere(d.severity, DEFAULT_POSTMORTEM_SEVERITY),
    );
    const explained = new Set(named.map(n => n.id));
    // Some needed postmortems are written, some are missing (due or overdue).
    expect(needed.some(d => explained.has(d.id))).toBe(true);
    expect(needed.some(d => !explained.has(d.id))).toBe(true);
    const items = documents.flatMap(
      d => postmortemDetailsOf(d.frontMatter)?.actionItems ?? [],
    );
    expect(new Set(items.map(i => i.status))).toEqual(
      new Set(['open', 'in-progress', 'done']),
    );
    expect(
      documents.some(
        d => d.frontMatter.kind === 'premortem' && d.frontMatter.launchDate,
      ),
    ).toBe(true);
  });
});

describe('DemoIncidentSeeder', () => {
  const checkout = DEMO_INCIDENTS.filter(d => d.component === 'checkout-api');

  function seederOf(incidents?: typeof DEMO_INCIDENTS) {
    const ingest = jest.fn(async (entityRef: string, written: unknown[]) => ({
      entityRef,
      written: written.length,
    }));
    const refresher = { run: jest.fn(async () => undefined) };
    const clock = { now: new Date('2026-11-30T12:10:00.000Z') };
    const seeder = new DemoIncidentSeeder({
      catalog: catalogServiceMock({
        entities: [serviceEntity('checkout-api')],
      }),
      auth: mockServices.auth(),
      service: { ingest } as any,
      refresher,
      logger: mockServices.logger.mock(),
      now: () => clock.now,
      incidents,
    });
    return { seeder, ingest, refresher, clock };
  }

  it('writes the incidents of the components that exist, the same within an hour, while others are missing', async () => {
    const { seeder, ingest, refresher, clock } = seederOf();
    await seeder.run();
    expect(ingest).toHaveBeenCalledTimes(1);
    expect(ingest.mock.calls[0][0]).toBe('component:default/checkout-api');
    const first = ingest.mock.calls[0][1];
    expect(first).toHaveLength(checkout.length);
    expect(refresher.run).toHaveBeenCalledTimes(1);
    expect(seeder.isComplete()).toBe(false);

    clock.now = new Date('2026-11-30T12:50:00.000Z');
    await seeder.run();
    expect(ingest.mock.calls[1][1]).toEqual(first);
    expect(refresher.run).toHaveBeenCalledTimes(2);
  });

  it('is complete once every demo component was there, then refreshes no more and writes hourly', async () => {
    const { seeder, ingest, refresher, clock } = seederOf(checkout);
    await seeder.run();
    expect(seeder.isComplete()).toBe(true);

    clock.now = new Date('2026-11-30T12:50:00.000Z');
    await seeder.run();
    expect(ingest).toHaveBeenCalledTimes(1);

    clock.now = new Date('2026-11-30T13:10:00.000Z');
    await seeder.run();
    expect(ingest).toHaveBeenCalledTimes(2);
    expect(refresher.run).toHaveBeenCalledTimes(1);
  });
});
