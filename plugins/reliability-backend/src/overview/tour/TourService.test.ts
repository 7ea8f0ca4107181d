import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  ANNOTATIONS,
  SloDefinition,
} from '@internal/backstage-plugin-reliability-common';
import {
  component,
  domain,
  fakeSource,
  onCallSummary,
  sloSummary,
  system,
} from '../__testUtils__/fixtures';
import { TourService } from './TourService';
import { MAX_EXPLAINED_SERVICES } from './tourSloDefinitions';
import { RunbookEntry } from '@internal/backstage-plugin-reliability-common';
import { LoadedJourney } from './journeys/JourneyReader';

const availability: SloDefinition = {
  name: 'availability',
  displayName: 'Availability',
  indicator: { name: 'requests', displayName: 'checkout requests' },
  window: { kind: 'rolling', durationSeconds: 28 * 86400, label: '28d' },
  budgetingMethod: 'Occurrences',
  objectives: [{ target: 0.999 }],
  alertPolicies: [],
};

function withAnnotations(
  entity: Entity,
  annotations: Record<string, string>,
): Entity {
  return {
    ...entity,
    metadata: {
      ...entity.metadata,
      annotations: { ...entity.metadata.annotations, ...annotations },
    },
  };
}

function setup(names: string[], annotate: (name: string) => boolean) {
  const members = names.map(name => {
    const entity = component(name, { owner: 'team-a', system: 'shop' });
    return annotate(name)
      ? withAnnotations(entity, {
          [ANNOTATIONS.sloDefinitions]: `./slos/${name}.yaml`,
        })
      : entity;
  });
  const root = system(
    'shop',
    undefined,
    names.map(name => `component:default/${name}`),
  );
  const catalog = catalogServiceMock({ entities: [root, ...members] });
  const loader = {
    load: jest.fn(async (entity: Entity) => {
      if (entity.metadata.name === 'broken') {
        throw new Error('file gone');
      }
      return { definitions: [availability] };
    }),
  };
  const slo = fakeSource(
    Object.fromEntries(
      names.map(name => [
        `component:default/${name}`,
        sloSummary(`component:default/${name}`),
      ]),
    ),
  );
  const tour = new TourService({
    catalog,
    sources: { slo },
    sloDefinitions: loader,
  });
  return { tour, loader };
}

describe('TourService', () => {
  it('explains SLOs from definition files, loading only SLO-annotated services', async () => {
    const { tour, loader } = setup(
      ['orders', 'emails', 'broken'],
      name => name !== 'emails',
    );
    const result = await tour.systemTour(
      'system:default/shop',
      mockCredentials.user(),
    );
    expect(loader.load).toHaveBeenCalledTimes(2);
    const byRef = Object.fromEntries(
      result.readingPath.map(step => [step.entityRef, step.slos]),
    );
    expect(byRef['component:default/orders']).toEqual([
      {
        name: 'Availability',
        meaning: expect.stringMatching(
          /^99\.9% of events for "checkout requests" must be good over 28d/,
        ),
      },
    ]);
    // Unreadable definitions and services without SLO annotations fall back to the SLO count.
    expect(byRef['component:default/broken']).toEqual([
      expect.objectContaining({ name: '1 SLO' }),
    ]);
    expect(byRef['component:default/emails']).toEqual([
      expect.objectContaining({ name: '1 SLO' }),
    ]);
  });

  it('asks the SLO area for the definitions of services that declare SLOs inline', async () => {
    const orders = withAnnotations(
      component('orders', { owner: 'team-a', system: 'shop' }),
      { [ANNOTATIONS.sloInline]: 'apiVersion: openslo/v1' },
    );
    const catalog = catalogServiceMock({
      entities: [
        system('shop', undefined, ['component:default/orders']),
        orders,
      ],
    });
    const loader = {
      load: jest.fn(async () => ({ definitions: [availability] })),
    };
    const tour = new TourService({
      catalog,
      sources: {},
      sloDefinitions: loader,
    });
    const result = await tour.systemTour(
      'system:default/shop',
      mockCredentials.user(),
    );
    expect(loader.load).toHaveBeenCalledTimes(1);
    expect(result.readingPath[0].slos[0].name).toBe('Availability');
  });

  it('bounds the definition loads of a large tour', async () => {
    const names = Array.from(
      { length: MAX_EXPLAINED_SERVICES + 10 },
      (_, i) => `svc-${String(i).padStart(3, '0')}`,
    );
    const { tour, loader } = setup(names, () => true);
    const result = await tour.systemTour(
      'system:default/shop',
      mockCredentials.user(),
    );
    expect(loader.load).toHaveBeenCalledTimes(MAX_EXPLAINED_SERVICES);
    // The services loaded are the first ones of the reading path.
    expect(result.readingPath[0].slos[0].name).toBe('Availability');
    expect(result.readingPath.at(-1)?.slos[0].name).toBe('1 SLO');
  });
});

const rel = (type: string, targetRef: string) => ({ type, targetRef });

function resource(
  name: string,
  systemName: string,
  dependents: string[] = [],
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name, namespace: 'default' },
    spec: { type: 'database', owner: 'team-a', system: systemName },
    relations: [
      rel('partOf', `system:default/${systemName}`),
      ...dependents.map(ref => rel('dependencyOf', ref)),
    ],
  };
}

function indexed(
  id: string,
  overrides: Partial<RunbookEntry> = {},
): RunbookEntry {
  return {
    id,
    title: `Runbook ${id}`,
    kind: 'runbook',
    answers: [],
    owner: null,
    lastReviewed: null,
    stale: false,
    url: null,
    source: 'markdown',
    location: '../../reliability/runbooks/orders/',
    error: null,
    ...overrides,
  };
}

/** Commerce: shop (web, orders, orders-db) and billing (invoices); orders depends on infra's event bus. */
function commerce() {
  const web = component('web', {
    owner: 'team-a',
    system: 'shop',
    dependsOn: ['component:default/orders'],
  });
  const orders = component('orders', {
    owner: 'team-a',
    system: 'shop',
    tier: 'tier-1',
    dependsOn: ['resource:default/orders-db', 'resource:default/event-bus'],
    dependents: ['component:default/web'],
  });
  const invoices = component('invoices', {
    owner: 'team-b',
    system: 'billing',
    dependsOn: ['component:default/orders'],
  });
  const entities: Entity[] = [
    domain('commerce', ['system:default/shop', 'system:default/billing']),
    system('shop', 'commerce', [
      'component:default/web',
      'component:default/orders',
      'resource:default/orders-db',
    ]),
    system('billing', 'commerce', ['component:default/invoices']),
    system('infra', 'platform', ['resource:default/event-bus']),
    web,
    orders,
    invoices,
    resource('orders-db', 'shop', ['component:default/orders']),
    resource('event-bus', 'infra', ['component:default/orders']),
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'API',
      metadata: {
        name: 'orders-http',
        namespace: 'default',
        title: 'Orders API',
      },
      spec: { type: 'openapi', owner: 'team-a', system: 'shop' },
      relations: [rel('partOf', 'system:default/shop')],
    },
  ];
  return entities;
}

describe('TourService domain maps', () => {
  it('gives every node its system and loads the systems of what edges leave the domain for', async () => {
    const catalog = catalogServiceMock({ entities: commerce() });
    const getEntitiesByRefs = jest.spyOn(catalog, 'getEntitiesByRefs');
    const tour = new TourService({
      catalog,
      sources: {},
      sloDefinitions: { load: async () => ({ definitions: [] }) },
    });
    const result = await tour.domainTour(
      'domain:default/commerce',
      mockCredentials.user(),
    );
    const byRef = Object.fromEntries(result.nodes.map(n => [n.entityRef, n]));
    expect(
      result.nodes.map(n => [n.entityRef, n.system, n.external]).sort(),
    ).toEqual(
      [
        ['domain:default/commerce', null, false],
        ['system:default/shop', null, false],
        ['system:default/billing', null, false],
        ['component:default/web', 'system:default/shop', false],
        ['component:default/orders', 'system:default/shop', false],
        ['resource:default/orders-db', 'system:default/shop', false],
        ['component:default/invoices', 'system:default/billing', false],
        // outside the domain, drawn collapsed into its own system
        ['resource:default/event-bus', 'system:default/infra', true],
        ['system:default/infra', null, true],
      ].sort(),
    );
    expect(byRef['system:default/shop'].serviceCount).toBe(2);
    expect(byRef['system:default/billing'].serviceCount).toBe(1);
    expect(byRef['domain:default/commerce'].serviceCount).toBe(3);
    expect(byRef['component:default/web'].serviceCount).toBeNull();
    // systems, their parts, edge targets, their systems: a constant number of queries
    expect(getEntitiesByRefs).toHaveBeenCalledTimes(4);
  });

  it('lists runbooks from the runbook index (titles, never annotation paths) and says why each service comes first', async () => {
    const catalog = catalogServiceMock({ entities: commerce() });
    const runbookIndex = {
      getRunbooks: jest.fn(
        async () =>
          new Map([
            [
              'component:default/orders',
              [
                indexed('rollback', {
                  title: 'Roll back orders',
                  kind: 'rollback',
                }),
                indexed('backlog', { title: 'Orders backlog' }),
                indexed('wiki', {
                  title: 'Wiki page',
                  source: 'link',
                  url: 'https://wiki.example.com/orders',
                }),
              ],
            ],
          ]),
      ),
    };
    const tour = new TourService({
      catalog,
      sources: {},
      sloDefinitions: { load: async () => ({ definitions: [] }) },
      runbookIndex,
    });
    const result = await tour.domainTour(
      'domain:default/commerce',
      mockCredentials.user(),
    );
    expect(runbookIndex.getRunbooks).toHaveBeenCalledTimes(1);
    const [orders, second, third] = result.readingPath;
    expect(orders.entityRef).toBe('component:default/orders');
    expect(orders.runbooks).toEqual([
      {
        id: 'backlog',
        title: 'Orders backlog',
        kind: 'runbook',
        url: null,
        source: 'markdown',
      },
      {
        id: 'wiki',
        title: 'Wiki page',
        kind: 'runbook',
        url: 'https://wiki.example.com/orders',
        source: 'link',
      },
      {
        id: 'rollback',
        title: 'Roll back orders',
        kind: 'rollback',
        url: null,
        source: 'markdown',
      },
    ]);
    expect(JSON.stringify(result.readingPath)).not.toContain('../');
    expect(orders.whyThisOrder).toBe(
      'Read first: tier-1 comes before no tier (invoices).',
    );
    expect(second.whyThisOrder).toBe(
      'Read next: as critical as web by tier, dependents and alerts; ordered by name.',
    );
    expect(third.whyThisOrder).toMatch(/^Read last/);
    expect(orders.techDocsEntityRef).toBeNull();
  });
});

describe('TourService journeys', () => {
  const checkout: LoadedJourney = {
    name: 'checkout',
    title: 'A shopper pays',
    description: null,
    slo: 'checkout-journey',
    entityRef: 'system:default/shop',
    source: 'https://git.example.com/shop/journeys.yaml',
    steps: [
      { entityRef: 'component:default/web', description: 'Presses Pay.' },
      { entityRef: 'api:default/orders-http', description: 'Calls the API.' },
      { entityRef: 'component:default/invoices', description: 'Bills it.' },
      {
        entityRef: 'component:default/gone',
        description: 'Not in the catalog.',
      },
    ],
  };
  const journeySlo: SloDefinition = {
    ...availability,
    name: 'checkout-journey',
    displayName: 'Checkout completes',
  };

  function setupJourneys(options: { sloStates?: boolean } = {}) {
    const catalog = catalogServiceMock({ entities: commerce() });
    const getEntitiesByRefs = jest.spyOn(catalog, 'getEntitiesByRefs');
    const journeys = {
      load: jest.fn(async (entity: Entity) =>
        entity.metadata.name === 'shop'
          ? {
              journeys: [
                checkout,
                { ...checkout, name: 'no-slo', slo: 'missing' },
              ],
              problems: [
                {
                  entityRef: 'system:default/shop',
                  source: 'https://git.example.com/shop/bad.yaml',
                  message: '#1 kind: Invalid input',
                },
              ],
            }
          : { journeys: [], problems: [] },
      ),
    };
    const sloStates = {
      getEntitySlos: jest.fn(async () => ({
        slos: [
          {
            definition: journeySlo,
            status: {
              budgetRemaining: 0.1,
              attainment: 0.9991,
              alertState: 'ticket',
            } as any,
          },
        ],
      })),
    };
    const tour = new TourService({
      catalog,
      sources: {
        slo: fakeSource({
          'component:default/web': sloSummary('component:default/web', {
            worstBudgetRemaining: 0.5,
          }),
        }),
        oncall: fakeSource({
          'component:default/web': onCallSummary(
            'component:default/web',
            'Ada',
          ),
        }),
      },
      sloDefinitions: {
        load: async (entity: Entity) => ({
          definitions: entity.metadata.name === 'shop' ? [journeySlo] : [],
        }),
      },
      runbookIndex: {
        getRunbooks: async () =>
          new Map([['component:default/web', [indexed('web-down')]]]),
      },
      journeys,
      sloStates: options.sloStates === false ? undefined : sloStates,
    });
    return { tour, journeys, sloStates, getEntitiesByRefs };
  }

  it('walks the journeys of the domain’s systems step by step with each step’s state, on-call and runbooks', async () => {
    const { tour, journeys, getEntitiesByRefs } = setupJourneys();
    const result = await tour.domainTour(
      'domain:default/commerce',
      mockCredentials.user(),
    );
    // the domain itself and both of its systems are asked for journeys
    expect(journeys.load).toHaveBeenCalledTimes(3);
    expect(result.journeys.map(j => j.id)).toEqual([
      'system:default/shop#checkout',
      'system:default/shop#no-slo',
    ]);
    const [journey] = result.journeys;
    expect(journey.steps.map(s => [s.entityRef, s.found, s.system])).toEqual([
      ['component:default/web', true, 'system:default/shop'],
      ['api:default/orders-http', true, 'system:default/shop'],
      ['component:default/invoices', true, 'system:default/billing'],
      ['component:default/gone', false, null],
    ]);
    expect(journey.steps[0]).toMatchObject({
      title: 'web',
      description: 'Presses Pay.',
      state: 'ok',
      worstBudgetRemaining: 0.5,
      onCallPrimary: { name: 'Ada' },
      owner: 'group:default/team-a',
      runbooks: [expect.objectContaining({ id: 'web-down' })],
    });
    expect(journey.steps[1].title).toBe('Orders API');
    expect(journey.steps[3].title).toBe('gone');
    // the journey SLO: one of the System's SLOs, with its live state
    expect(journey.slo).toMatchObject({
      name: 'checkout-journey',
      explanation: { name: 'Checkout completes' },
      state: 'at-risk',
      budgetRemaining: 0.1,
      attainment: 0.9991,
    });
    expect(journey.sloProblem).toBeNull();
    expect(result.journeys[1].slo).toBeNull();
    expect(result.journeys[1].sloProblem).toBe(
      "system:default/shop defines no SLO named 'missing' (see its slo-definitions annotation).",
    );
    expect(result.journeyProblems).toEqual([
      expect.objectContaining({ message: '#1 kind: Invalid input' }),
    ]);
    // only the steps that are not on the map are loaded, in one more query
    expect(getEntitiesByRefs).toHaveBeenCalledTimes(5);
    expect(getEntitiesByRefs.mock.calls[4][0].entityRefs).toEqual([
      'api:default/orders-http',
      'component:default/gone',
    ]);
  });

  it('explains the journey SLO from its definition when SLO states are not available', async () => {
    const { tour } = setupJourneys({ sloStates: false });
    const result = await tour.systemTour(
      'system:default/shop',
      mockCredentials.user(),
    );
    expect(result.journeys[0].slo).toMatchObject({
      name: 'checkout-journey',
      state: 'unknown',
      budgetRemaining: null,
    });
  });
});
