import {
  ArchitectureTour,
  TourJourney,
} from '@internal/backstage-plugin-reliability-common';
import { testNode } from '../testData';
import { collapseTourGraph, expandableSystems } from './collapseTourGraph';

const shop = 'system:default/shop';
const billing = 'system:default/billing';
const infra = 'system:default/infra';

/** Commerce: shop (web, orders, orders-db) and billing (invoices); orders uses infra's event bus. */
const commerce: ArchitectureTour = {
  root: {
    entityRef: 'domain:default/commerce',
    title: 'Commerce',
    description: null,
  },
  nodes: [
    testNode('domain:default/commerce'),
    testNode(shop, { title: 'Shop', serviceCount: 2 }),
    testNode(billing, { title: 'Billing', serviceCount: 1 }),
    testNode('component:default/web', { system: shop }),
    testNode('component:default/orders', { system: shop }),
    testNode('resource:default/orders-db', { system: shop }),
    testNode('component:default/invoices', { system: billing }),
    testNode('resource:default/event-bus', { system: infra, external: true }),
    testNode(infra, { external: true }),
    testNode('resource:default/lonely', { external: true }),
  ],
  edges: [
    { from: shop, to: 'domain:default/commerce', type: 'partOf' },
    { from: 'component:default/web', to: shop, type: 'partOf' },
    {
      from: 'component:default/web',
      to: 'component:default/orders',
      type: 'dependsOn',
    },
    {
      from: 'component:default/orders',
      to: 'resource:default/orders-db',
      type: 'dependsOn',
    },
    {
      from: 'component:default/orders',
      to: 'resource:default/event-bus',
      type: 'dependsOn',
    },
    {
      from: 'resource:default/orders-db',
      to: 'resource:default/event-bus',
      type: 'dependsOn',
    },
    {
      from: 'component:default/invoices',
      to: 'component:default/orders',
      type: 'dependsOn',
    },
    {
      from: 'component:default/invoices',
      to: 'resource:default/lonely',
      type: 'dependsOn',
    },
  ],
  readingPath: [],
  journeys: [],
  journeyProblems: [],
  truncated: false,
};

const ids = (graph: ReturnType<typeof collapseTourGraph>) =>
  graph.nodes.map(n => n.id).sort();
const edgeList = (graph: ReturnType<typeof collapseTourGraph>) =>
  graph.edges
    .map(
      e =>
        `${e.from} -> ${e.to} x${e.count}${e.journey ? ' journey' : ''}${
          e.journeyOnly ? ' only' : ''
        }`,
    )
    .sort();

describe('collapseTourGraph', () => {
  it('starts a domain at the level of its systems, with edges aggregated between them', () => {
    const graph = collapseTourGraph(commerce, new Set());
    expect(ids(graph)).toEqual(
      [billing, infra, shop, 'resource:default/lonely'].sort(),
    );
    expect(edgeList(graph)).toEqual(
      [
        `${billing} -> ${shop} x1`,
        `${billing} -> resource:default/lonely x1`,
        `${shop} -> ${infra} x2`,
      ].sort(),
    );
    const byId = Object.fromEntries(graph.nodes.map(n => [n.id, n]));
    expect(byId[shop]).toMatchObject({ collapsed: true, hiddenParts: 3 });
    expect(byId[infra]).toMatchObject({
      collapsed: true,
      hiddenParts: 1,
      external: true,
    });
    expect(byId['resource:default/lonely'].collapsed).toBe(false);
  });

  it('expands a system into its parts, which keep their relations to the other systems', () => {
    const graph = collapseTourGraph(commerce, new Set([shop]));
    expect(ids(graph)).toEqual(
      [
        billing,
        infra,
        'component:default/orders',
        'component:default/web',
        'resource:default/lonely',
        'resource:default/orders-db',
      ].sort(),
    );
    expect(edgeList(graph)).toEqual(
      [
        `${billing} -> component:default/orders x1`,
        `${billing} -> resource:default/lonely x1`,
        `component:default/orders -> ${infra} x1`,
        'component:default/orders -> resource:default/orders-db x1',
        'component:default/web -> component:default/orders x1',
        `resource:default/orders-db -> ${infra} x1`,
      ].sort(),
    );
    const web = graph.nodes.find(n => n.id === 'component:default/web');
    expect(web?.systemTitle).toBe('Shop');
  });

  it('draws every part of the toured system and collapses only the systems outside it', () => {
    const system: ArchitectureTour = {
      ...commerce,
      root: { entityRef: shop, title: 'Shop', description: null },
      nodes: commerce.nodes.filter(
        n =>
          n.entityRef !== 'domain:default/commerce' &&
          n.entityRef !== billing &&
          n.system !== billing,
      ),
    };
    const graph = collapseTourGraph(system, new Set());
    expect(ids(graph)).toEqual(
      [
        infra,
        'component:default/orders',
        'component:default/web',
        'resource:default/lonely',
        'resource:default/orders-db',
      ].sort(),
    );
    expect(
      graph.nodes.find(n => n.id === 'component:default/web')?.systemTitle,
    ).toBeNull();
    expect(expandableSystems(system).map(s => s.entityRef)).toEqual([infra]);
    expect(expandableSystems(commerce).map(s => s.entityRef)).toEqual([
      shop,
      billing,
      infra,
    ]);
  });

  it('numbers the steps of a journey on the nodes that stand for them and joins consecutive steps', () => {
    const step = (entityRef: string, system: string | null) => ({
      entityRef,
      kind: entityRef.split(':')[0],
      title: entityRef,
      description: '',
      found: true,
      system,
      owner: null,
      state: 'unknown' as const,
      worstBudgetRemaining: null,
      slos: [],
      onCallPrimary: null,
      runbooks: [],
    });
    const journey: TourJourney = {
      id: 'j',
      name: 'j',
      title: 'J',
      description: null,
      entityRef: shop,
      source: 'x',
      slo: null,
      sloProblem: null,
      steps: [
        step('component:default/web', shop),
        step('api:default/orders-http', shop), // not on the map: shown by its system
        step('component:default/invoices', billing),
        step('resource:default/lonely', null),
        step('component:default/elsewhere', 'system:default/other'),
      ],
    };
    const collapsed = collapseTourGraph(commerce, new Set(), {
      journey,
      step: 2,
    });
    const byId = Object.fromEntries(collapsed.nodes.map(n => [n.id, n]));
    expect(byId[shop].journeySteps).toEqual([1, 2]);
    expect(byId[billing]).toMatchObject({ journeySteps: [3], current: true });
    expect(byId['resource:default/lonely'].journeySteps).toEqual([4]);
    expect(byId[infra].journeySteps).toEqual([]);
    expect(collapsed.outsideSteps).toEqual([5]);
    // shop -> billing runs along the existing billing -> shop edge; nothing else is added
    expect(edgeList(collapsed)).toEqual(
      [
        `${billing} -> ${shop} x1 journey`,
        `${billing} -> resource:default/lonely x1 journey`,
        `${shop} -> ${infra} x2`,
      ].sort(),
    );

    // Expanded, the API step has no node (its system is open) and web -> billing has no relation: a journey-only edge.
    const expanded = collapseTourGraph(commerce, new Set([shop]), {
      journey,
      step: 0,
    });
    expect(expanded.outsideSteps).toEqual([2, 5]);
    expect(
      expanded.nodes.find(n => n.id === 'component:default/web'),
    ).toMatchObject({ journeySteps: [1], current: true });
    expect(edgeList(expanded)).toContain(
      `component:default/web -> ${billing} x0 journey only`,
    );
  });
});
