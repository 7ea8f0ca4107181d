import { Entity } from '@backstage/catalog-model';
import { component, sloSummary, system } from '../__testUtils__/fixtures';
import { buildTourGraph, externalRefs } from './buildTourGraph';
import { buildReadingPath } from './readingPath';
import { explainSlo, humanDuration } from './explainSlo';

const api: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'API',
  metadata: { name: 'orders-api', namespace: 'default' },
  spec: { type: 'openapi', owner: 'team-a' },
  relations: [{ type: 'partOf', targetRef: 'system:default/shop' }],
};

const members = [
  component('web', {
    owner: 'team-a',
    system: 'shop',
    tier: 'tier-2',
    dependsOn: ['component:default/orders', 'resource:default/payments-db'],
    links: [
      { url: 'https://runbooks/web', title: 'Web runbook', type: 'runbook' },
    ],
  }),
  component('orders', {
    owner: 'team-b',
    system: 'shop',
    tier: 'tier-1',
    dependents: ['component:default/web', 'component:default/mobile'],
    providesApis: ['api:default/orders-api'],
  }),
  component('emails', { owner: 'team-b', system: 'shop' }),
  api,
];
const root = system('shop', 'commerce');

const summaries = {
  slo: new Map([
    [
      'component:default/orders',
      sloSummary('component:default/orders', { alerting: 'page' }),
    ],
    [
      'component:default/web',
      sloSummary('component:default/web', { worstBudgetRemaining: 0.1 }),
    ],
    [
      'component:default/emails',
      sloSummary('component:default/emails', { sloCount: 2 }),
    ],
  ]),
  oncall: new Map(),
  runbooks: new Map(),
  maturity: new Map(),
};

describe('buildTourGraph', () => {
  const edgeTypes = [
    'dependsOn',
    'providesApi',
    'consumesApi',
    'partOf',
  ] as const;

  it('draws members, the root and external targets with their relations', () => {
    expect(externalRefs({ root, members, edgeTypes: [...edgeTypes] })).toEqual([
      'resource:default/payments-db',
    ]);
    const { nodes, edges } = buildTourGraph({
      root,
      members,
      edgeTypes: [...edgeTypes],
      summaries,
    });
    // The system shows the roll-up of its parts: orders pages, so the system is breaching.
    expect(nodes.map(n => [n.entityRef, n.state, n.external])).toEqual([
      ['system:default/shop', 'breaching', false],
      ['component:default/web', 'at-risk', false],
      ['component:default/orders', 'breaching', false],
      ['component:default/emails', 'ok', false],
      ['api:default/orders-api', 'unknown', false],
      ['resource:default/payments-db', 'unknown', true],
    ]);
    expect(edges).toEqual(
      expect.arrayContaining([
        {
          from: 'component:default/web',
          to: 'component:default/orders',
          type: 'dependsOn',
        },
        {
          from: 'component:default/web',
          to: 'resource:default/payments-db',
          type: 'dependsOn',
        },
        {
          from: 'component:default/orders',
          to: 'api:default/orders-api',
          type: 'providesApi',
        },
        {
          from: 'api:default/orders-api',
          to: 'system:default/shop',
          type: 'partOf',
        },
      ]),
    );
    expect(edges.filter(e => e.type === 'partOf')).toHaveLength(4);
    expect(nodes.find(n => n.name === 'orders')).toMatchObject({
      owner: 'group:default/team-b',
      dependents: 2,
      tier: 'tier-1',
      sloCount: 1,
    });
  });

  it('rolls the worst budget of a system’s components and its own SLOs up to the system, and a domain’s systems up to the domain', () => {
    const commerce: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Domain',
      metadata: { name: 'commerce', namespace: 'default' },
      spec: { owner: 'team-a' },
      relations: [
        { type: 'hasPart', targetRef: 'system:default/shop' },
        { type: 'hasPart', targetRef: 'system:default/billing' },
      ],
    };
    const shop = system('shop', 'commerce', ['component:default/web']);
    const billing = system('billing', 'commerce', [
      'component:default/invoices',
    ]);
    const web = component('web', { system: 'shop' });
    const invoices = component('invoices', { system: 'billing' });
    const rollUp = {
      ...summaries,
      slo: new Map([
        [
          'component:default/web',
          sloSummary('component:default/web', { worstBudgetRemaining: 0.6 }),
        ],
        // the shop's own journey SLO is worse off than its component
        [
          'system:default/shop',
          sloSummary('system:default/shop', { worstBudgetRemaining: 0.3 }),
        ],
        [
          'component:default/invoices',
          sloSummary('component:default/invoices', {
            worstBudgetRemaining: -0.5,
            sloCount: 2,
          }),
        ],
      ]),
    };
    const { nodes } = buildTourGraph({
      root: commerce,
      members: [shop, billing, web, invoices],
      edgeTypes: ['dependsOn', 'partOf'],
      summaries: rollUp,
    });
    const byRef = Object.fromEntries(nodes.map(n => [n.entityRef, n]));
    expect(byRef['system:default/shop']).toMatchObject({
      worstBudgetRemaining: 0.3,
      sloCount: 2,
      state: 'ok',
    });
    expect(byRef['system:default/billing']).toMatchObject({
      worstBudgetRemaining: -0.5,
      sloCount: 2,
      state: 'breaching',
    });
    expect(byRef['domain:default/commerce']).toMatchObject({
      worstBudgetRemaining: -0.5,
      sloCount: 4,
      state: 'breaching',
    });
    // Components keep their own numbers.
    expect(byRef['component:default/web']).toMatchObject({
      worstBudgetRemaining: 0.6,
      sloCount: 1,
    });
  });

  it('leaves out relation types that are not drawn and partOf edges leaving the map', () => {
    const { nodes, edges } = buildTourGraph({
      root: system('other'),
      members,
      edgeTypes: ['partOf'],
      summaries,
    });
    expect(edges).toEqual([]);
    expect(nodes.some(n => n.external)).toBe(false);
  });
});

describe('buildReadingPath', () => {
  it('orders services by tier, dependents and alerting and explains why they matter', () => {
    const path = buildReadingPath(
      members.filter(m => m.kind === 'Component'),
      summaries,
      new Map([
        [
          'component:default/orders',
          [
            {
              name: 'availability',
              indicator: {
                name: 'good-requests',
                displayName: 'order requests',
              },
              window: {
                kind: 'rolling',
                durationSeconds: 28 * 86400,
                label: '28d',
              },
              budgetingMethod: 'Occurrences',
              objectives: [{ target: 0.999 }],
              alertPolicies: [],
            },
          ],
        ],
      ]),
    );
    expect(path.map(step => step.entityRef)).toEqual([
      'component:default/orders',
      'component:default/web',
      'component:default/emails',
    ]);
    expect(path[0].whyItMatters).toBe(
      'Tier-1: among the most critical services; 2 entities depend on it; paging now: its error budget is burning fast.',
    );
    expect(path[0].slos[0].meaning).toContain(
      '99.9% of events for "order requests" must be good over 28d',
    );
    expect(path[0].slos[0].meaning).toContain('40.3 minutes');
    // Not indexed yet: the declared runbook link stands in.
    expect(path[1].runbooks).toEqual([
      {
        id: null,
        title: 'Web runbook',
        kind: 'runbook',
        url: 'https://runbooks/web',
        source: 'link',
      },
    ]);
    expect(path[2].slos[0].name).toBe('2 SLOs');
    expect(path[2].whyItMatters).toBe(
      'Supporting service: no tier, no dependents recorded.',
    );
  });
});

describe('buildReadingPath TechDocs and order', () => {
  it('points at the TechDocs of the service (or of the entity it names) and explains each place', () => {
    const withDocs = (entity: Entity, annotations: Record<string, string>) => ({
      ...entity,
      metadata: {
        ...entity.metadata,
        annotations: { ...entity.metadata.annotations, ...annotations },
      },
    });
    const path = buildReadingPath(
      [
        withDocs(component('a', { tier: 'tier-2' }), {
          'backstage.io/techdocs-ref': 'dir:.',
        }),
        withDocs(
          component('b', {
            tier: 'tier-2',
            dependents: ['component:default/a'],
          }),
          {
            'backstage.io/techdocs-entity': 'system:shop',
          },
        ),
        component('c', { tier: 'tier-3' }),
      ],
      summaries,
      new Map(),
    );
    expect(path.map(s => [s.entityRef, s.techDocsEntityRef])).toEqual([
      ['component:default/b', 'system:default/shop'],
      ['component:default/a', 'component:default/a'],
      ['component:default/c', null],
    ]);
    expect(path.map(s => s.whyThisOrder)).toEqual([
      'Read first: same tier as a, but 1 entity depends on it (0 on a).',
      'Read next: tier-2 comes before tier-3 (c).',
      'Read last: every service above it has a higher tier, more dependents or louder alerts.',
    ]);
  });
});

describe('explainSlo', () => {
  it('reads durations in a sensible unit', () => {
    expect(humanDuration(90)).toBe('1.5 minutes');
    expect(humanDuration(7200)).toBe('2 hours');
    expect(humanDuration(Number.NaN)).toBe('no time');
  });

  it('explains calendar timeslice SLOs with the strictest objective', () => {
    const { meaning } = explainSlo({
      name: 'latency',
      description: 'Checkout stays fast.',
      indicator: { name: 'latency' },
      window: {
        kind: 'calendar',
        unit: 'Week',
        count: 1,
        startTime: '2026-01-05T00:00:00Z',
        timeZone: 'UTC',
        label: '1 calendar week',
      },
      budgetingMethod: 'Timeslices',
      objectives: [{ target: 0.95 }, { target: 0.99 }],
      alertPolicies: [],
    });
    expect(meaning).toBe(
      '99% of time slices for "latency" must be good over 1 calendar week — an error budget of about 1.7 hours of complete failure per window. Checkout stays fast.',
    );
  });

  it('says that RatioTimeslices averages the time slices', () => {
    const { meaning } = explainSlo({
      name: 'availability',
      indicator: { name: 'requests' },
      window: { kind: 'rolling', durationSeconds: 86400, label: '1d' },
      budgetingMethod: 'RatioTimeslices',
      objectives: [{ target: 0.95, timeSliceWindowSeconds: 3600 }],
      alertPolicies: [],
    });
    expect(meaning).toBe(
      '95% of events for "requests" must be good over 1d (the average of its 1h time slices) — an error budget of about 1.2 hours of complete failure per window.',
    );
  });
});
