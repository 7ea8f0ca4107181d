import { mockCredentials } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { LatestEvaluation } from '../../checklist/store/ChecklistStore';
import {
  checklistSources,
  component,
  evaluation,
  group,
  system,
  testChecklist,
} from '../__testUtils__/trendsFixtures';
import { groupLevel } from './groupLevel';
import { measureMaturity } from './measureMaturity';

const LEVELS = ['none', 'beginner', 'intermediate'];

/** 1,203 services (more than two catalog pages and summary batches) over 7 teams, 5 systems and 3 domains. */
function bigCatalog() {
  const entities = [
    ...[0, 1, 2, 3, 4].map(i => system(`sys-${i}`, `domain-${i % 3}`)),
    system('no-domain', ''),
    ...[0, 1, 2, 3, 4, 5, 6].map(i => group(`team-${i}`)),
  ];
  const evaluations = new Map<string, LatestEvaluation>();
  const systemOf = (i: number) => {
    if (i % 13 === 0) return undefined;
    return i % 17 === 0 ? 'no-domain' : `sys-${i % 5}`;
  };
  for (let i = 0; i < 1203; i++) {
    const name = `svc-${i}`;
    entities.push(
      component(name, {
        owner: i % 11 === 0 ? undefined : `team-${i % 7}`,
        system: systemOf(i),
      }),
    );
    if (i % 4 !== 0) {
      const ref = `component:default/${name}`;
      evaluations.set(
        ref,
        evaluation(ref, i % 9 === 0 ? null : (i * 37) % 101, LEVELS[i % 3]),
      );
    }
  }
  return { entities, evaluations };
}

describe('measureMaturity', () => {
  it("counts every team, system, domain and the org with the numbers of the checklist's roll-ups", async () => {
    const { entities, evaluations } = bigCatalog();
    const catalog = catalogServiceMock({ entities });
    const now = () => new Date('2026-12-01T02:00:00Z');
    const { maturity, rollups } = checklistSources(catalog, evaluations, now);
    const credentials = mockCredentials.service();

    const rows = await measureMaturity({ catalog, maturity, credentials });

    for (const by of ['team', 'system', 'domain', 'org'] as const) {
      const expected = (await rollups.getRollups(by, credentials)).rollups
        .filter(r => r.key !== 'unassigned')
        .map(r => ({
          scope: by,
          scopeRef: r.key,
          score: r.averageScore,
          level: groupLevel(r.levels, testChecklist),
          serviceCount: r.serviceCount,
          scoredCount: r.scoredCount,
        }));
      expect(expected.length).toBeGreaterThan(0);
      expect(rows.filter(r => r.scope === by)).toEqual(expected);
    }
    expect(rows.filter(r => r.scope === 'entity')).toHaveLength(
      evaluations.size,
    );
    expect(rows.find(r => r.scope === 'org')?.serviceCount).toBe(1203);
  });

  it('reads the components from the catalog once, and the systems once', async () => {
    const { entities, evaluations } = bigCatalog();
    const catalog = catalogServiceMock({ entities });
    const queryEntities = jest.spyOn(catalog, 'queryEntities');
    const now = () => new Date('2026-12-01T02:00:00Z');
    const { maturity } = checklistSources(catalog, evaluations, now);

    await measureMaturity({
      catalog,
      maturity,
      credentials: mockCredentials.service(),
    });

    const kinds = queryEntities.mock.calls.map(([request]) =>
      request && 'filter' in request ? JSON.stringify(request.filter) : 'next',
    );
    expect(kinds).toEqual([
      JSON.stringify({ kind: 'system' }),
      JSON.stringify({ kind: 'component' }),
      // 1,203 components in pages of 200.
      ...Array(6).fill('next'),
    ]);
  });
});
