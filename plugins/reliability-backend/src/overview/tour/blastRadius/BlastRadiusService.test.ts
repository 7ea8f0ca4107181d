import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { RunbookEntry } from '@internal/backstage-plugin-reliability-common';
import {
  component,
  fakeSource,
  onCallSummary,
  sloSummary,
} from '../../__testUtils__/fixtures';
import {
  BLAST_RADIUS_MAX_DISTANCE,
  BlastRadiusService,
} from './BlastRadiusService';

const rel = (type: string, targetRef: string) => ({ type, targetRef });

function api(name: string, provider: string, consumers: string[]): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'API',
    metadata: { name, namespace: 'default' },
    spec: { type: 'openapi', owner: 'team-a' },
    relations: [
      rel('apiProvidedBy', provider),
      ...consumers.map(ref => rel('apiConsumedBy', ref)),
    ],
  };
}

const withRelations = (
  entity: Entity,
  relations: Array<{ type: string; targetRef: string }>,
) => ({
  ...entity,
  relations: [...(entity.relations ?? []), ...relations],
});

function runbook(id: string, kind: RunbookEntry['kind']): RunbookEntry {
  return {
    id,
    title: `Title ${id}`,
    kind,
    answers: [],
    owner: null,
    lastReviewed: null,
    stale: false,
    url: null,
    source: 'markdown',
    location: null,
    error: null,
  };
}

/**
 * payments <- checkout (dependsOn) <- web (dependsOn) <- edge (dependsOn)
 * payments provides payments-api, consumed by refunds; refunds <- reports (dependsOn, tier-1)
 * web also depends on checkout twice over (through refunds): listed once, at the nearest distance.
 */
function entities(): Entity[] {
  return [
    withRelations(
      component('payments', {
        owner: 'team-pay',
        tier: 'tier-1',
        dependents: ['component:default/checkout'],
        providesApis: ['api:default/payments-api'],
      }),
      [],
    ),
    api('payments-api', 'component:default/payments', [
      'component:default/refunds',
    ]),
    component('checkout', {
      owner: 'team-a',
      tier: 'tier-1',
      dependsOn: ['component:default/payments'],
      dependents: ['component:default/web'],
    }),
    withRelations(
      component('refunds', {
        owner: 'team-b',
        tier: 'tier-3',
        dependents: ['component:default/reports', 'component:default/web'],
      }),
      [rel('consumesApi', 'api:default/payments-api')],
    ),
    component('reports', { owner: 'team-b', tier: 'tier-1' }),
    component('web', {
      owner: 'team-web',
      tier: 'tier-2',
      dependents: ['component:default/edge'],
    }),
    component('edge', { owner: 'team-web' }),
  ];
}

describe('BlastRadiusService', () => {
  it('lists everything that depends on a component, transitively through dependsOn and consumed APIs', async () => {
    const catalog = catalogServiceMock({ entities: entities() });
    const getEntitiesByRefs = jest.spyOn(catalog, 'getEntitiesByRefs');
    const service = new BlastRadiusService({
      catalog,
      sources: {
        slo: fakeSource({
          'component:default/checkout': sloSummary(
            'component:default/checkout',
            {
              alerting: 'page',
            },
          ),
        }),
        oncall: fakeSource({
          'component:default/web': onCallSummary(
            'component:default/web',
            'Lin',
          ),
        }),
      },
      runbookIndex: {
        getRunbooks: async () =>
          new Map([
            [
              'component:default/payments',
              [
                runbook('fix', 'runbook'),
                runbook('roll-back', 'rollback'),
                runbook('peak', 'premortem'),
                runbook('outage', 'postmortem'),
              ],
            ],
          ]),
      },
    });
    const result = await service.blastRadius(
      'component:default/payments',
      mockCredentials.user(),
    );
    expect(result.root).toMatchObject({
      entityRef: 'component:default/payments',
      tier: 'tier-1',
      owner: 'group:default/team-pay',
    });
    expect(
      result.dependents.map(d => [d.entityRef, d.distance, d.link, d.via]),
    ).toEqual([
      ['component:default/checkout', 1, 'dependsOn', []],
      [
        'component:default/refunds',
        1,
        'consumesApi',
        ['api:default/payments-api'],
      ],
      [
        'component:default/reports',
        2,
        'dependsOn',
        ['api:default/payments-api', 'component:default/refunds'],
      ],
      ['component:default/web', 2, 'dependsOn', ['component:default/checkout']],
      [
        'component:default/edge',
        3,
        'dependsOn',
        ['component:default/checkout', 'component:default/web'],
      ],
    ]);
    expect(result.dependents[0]).toMatchObject({
      state: 'breaching',
      tier: 'tier-1',
      owner: 'group:default/team-a',
    });
    expect(result.dependents[3].onCallPrimary).toEqual({ name: 'Lin' });
    expect(result.rollbacks.map(r => r.id)).toEqual(['roll-back']);
    expect(result.premortems.map(r => r.id)).toEqual(['peak']);
    expect(result.postmortems.map(r => r.id)).toEqual(['outage']);
    expect(result.truncated).toBe(false);
    // Two queries per level at most (APIs, then dependents): bounded by the depth, not the graph size.
    expect(getEntitiesByRefs.mock.calls.length).toBeLessThanOrEqual(
      2 * BLAST_RADIUS_MAX_DISTANCE,
    );
  });

  it('starts from an API and stops at the distance limit, saying so', async () => {
    const chain = Array.from(
      { length: BLAST_RADIUS_MAX_DISTANCE + 3 },
      (_, i) =>
        component(`c${i}`, {
          dependents: [`component:default/c${i + 1}`],
        }),
    );
    const catalog = catalogServiceMock({
      entities: [
        api('entry', 'component:default/x', ['component:default/c0']),
        ...chain,
      ],
    });
    const service = new BlastRadiusService({ catalog, sources: {} });
    const result = await service.blastRadius(
      'api:default/entry',
      mockCredentials.user(),
    );
    expect(result.dependents.map(d => d.entityRef)).toEqual(
      chain
        .slice(0, BLAST_RADIUS_MAX_DISTANCE)
        .map(c => `component:default/${c.metadata.name}`),
    );
    expect(result.dependents[0]).toMatchObject({
      link: 'consumesApi',
      via: [],
    });
    expect(result.truncated).toBe(true);
    expect(result.rollbacks).toEqual([]);
  });

  it('answers 404 for systems and unknown entities', async () => {
    const catalog = catalogServiceMock({
      entities: [
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'System',
          metadata: { name: 'shop', namespace: 'default' },
          spec: { owner: 'team-a' },
        },
      ],
    });
    const service = new BlastRadiusService({ catalog, sources: {} });
    await expect(
      service.blastRadius('system:default/shop', mockCredentials.user()),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
    await expect(
      service.blastRadius('component:default/nope', mockCredentials.user()),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
  });
});
