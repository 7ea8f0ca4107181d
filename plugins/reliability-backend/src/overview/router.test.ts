import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import { PermissionsService } from '@backstage/backend-plugin-api';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import express from 'express';
import request from 'supertest';
import { OverviewService } from './OverviewService';
import { createOverviewRouter } from './router';
import { OverviewStore } from './store/OverviewStore';
import {
  MaturityLevelIndex,
  OverviewSources,
  PolicyStateIndex,
} from './sources';
import { BlastRadiusService } from './tour/blastRadius/BlastRadiusService';
import { TourService } from './tour/TourService';
import {
  component,
  domain,
  fakeSource,
  maturitySummary,
  onCallSummary,
  policySummary,
  runbookSummary,
  sloSummary,
  system,
} from './__testUtils__/fixtures';

const names = Array.from(
  { length: 12 },
  (_, i) => `svc-${String(i).padStart(2, '0')}`,
);

function entities() {
  return [
    domain('commerce', ['system:default/shop']),
    system('shop', 'commerce'),
    system('infra'),
    ...names.map((name, i) =>
      component(name, {
        owner: i % 2 === 0 ? 'team-a' : 'team-b',
        system: i < 6 ? 'shop' : 'infra',
        tier: `tier-${(i % 3) + 1}`,
      }),
    ),
  ];
}

/** Policy states of the services' (and one system's) recorded service states. */
const POLICY_STATES: Record<string, [string, 'allow' | 'warn' | 'deny']> = {
  'component:default/svc-00': ['frozen', 'deny'],
  'component:default/svc-01': ['review', 'warn'],
  'component:default/svc-02': ['frozen', 'deny'],
  'component:default/svc-09': ['frozen', 'deny'],
  'component:default/gone': ['frozen', 'deny'],
  'system:default/shop': ['frozen', 'deny'],
};

/** A policy state index over POLICY_STATES, recording its calls. */
function policyIndex(): PolicyStateIndex & {
  pageEntityRefsWithPolicyState: jest.Mock;
} {
  return {
    pageEntityRefsWithPolicyState: jest.fn(async options => {
      const refs = Object.keys(POLICY_STATES)
        .filter(
          ref =>
            POLICY_STATES[ref][0] === options.state &&
            ref.startsWith(`${options.kind}:`),
        )
        .sort();
      if (options.order === 'desc') refs.reverse();
      return {
        entityRefs: refs.slice(options.offset, options.offset + options.limit),
        totalItems: options.includeTotal ? refs.length : undefined,
      };
    }),
  };
}

function setup(
  options: {
    sources?: Partial<OverviewSources>;
    authenticated?: boolean;
    store?: OverviewStore;
    permissions?: PermissionsService;
    csvMaxRows?: number;
  } = {},
) {
  const catalog = catalogServiceMock({ entities: entities() });
  const spies = {
    queryEntities: jest.spyOn(catalog, 'queryEntities'),
    getEntitiesByRefs: jest.spyOn(catalog, 'getEntitiesByRefs'),
    getEntities: jest.spyOn(catalog, 'getEntities'),
  };
  const fakes = {
    slo: fakeSource({
      'component:default/svc-00': sloSummary('component:default/svc-00', {
        alerting: 'page',
      }),
      'component:default/svc-01': sloSummary('component:default/svc-01'),
    }),
    oncall: fakeSource({
      'component:default/svc-00': onCallSummary(
        'component:default/svc-00',
        'Ada',
      ),
    }),
    runbooks: fakeSource({
      'component:default/svc-00': runbookSummary('component:default/svc-00', 2),
    }),
    maturity: fakeSource({
      'component:default/svc-00': maturitySummary(
        'component:default/svc-00',
        'gold',
        90,
      ),
      'component:default/svc-03': maturitySummary(
        'component:default/svc-03',
        'bronze',
        40,
      ),
    }),
    policy: fakeSource(
      Object.fromEntries(
        Object.entries(POLICY_STATES).map(([ref, [state, decision]]) => [
          ref,
          policySummary(ref, state, decision),
        ]),
      ),
    ),
  };
  const sources = { ...fakes, ...options.sources };
  const httpAuth = mockServices.httpAuth({
    defaultCredentials:
      options.authenticated === false
        ? mockCredentials.none()
        : mockCredentials.user(),
  });
  const router = createOverviewRouter({
    httpAuth,
    permissions: options.permissions ?? mockServices.permissions(),
    overview: new OverviewService({ catalog, sources, store: options.store }),
    tour: new TourService({
      catalog,
      sources,
      sloDefinitions: { load: async () => ({ definitions: [] }) },
    }),
    blastRadius: new BlastRadiusService({ catalog, sources }),
    csvMaxRows: options.csvMaxRows ?? 100_000,
  });
  const app = express().use(router).use(mockErrorHandler());
  return { app, spies, sources: fakes };
}

describe('overview router', () => {
  it('rejects unauthenticated requests', async () => {
    const { app } = setup({ authenticated: false });
    for (const path of [
      '/overview',
      '/overview.csv',
      '/overview/summaries',
      '/tour/systems/default/shop',
      '/tour/blast-radius/component/default/svc-00',
    ]) {
      const response = await request(app).get(path);
      expect(response.status).toBe(401);
    }
  });

  it.each([
    ['limit=0'],
    ['limit=101'],
    ['limit=abc'],
    ['sort=owner;drop'],
    ['order=sideways'],
    ['cursor=not-a-cursor!'],
    [`cursor=${Buffer.from('{"v":2}').toString('base64url')}`],
    ['tier=tier%201'],
    ['unknown=1'],
  ])('answers 400 to a bad query (%s)', async query => {
    const { app } = setup();
    const response = await request(app).get(`/overview?${query}`);
    expect(response.status).toBe(400);
  });

  it('returns rows joined with every area and pages with opaque cursors', async () => {
    const { app } = setup();
    const first = await request(app).get('/overview?limit=5');
    expect(first.status).toBe(200);
    expect(first.body.totalItems).toBe(12);
    expect(first.body.items.map((r: any) => r.name)).toEqual(names.slice(0, 5));
    expect(first.body.items[0]).toMatchObject({
      entityRef: 'component:default/svc-00',
      owner: 'group:default/team-a',
      system: 'system:default/shop',
      domain: 'domain:default/commerce',
      tier: 'tier-1',
      slo: { sloCount: 1, alerting: 'page', worstBudgetRemaining: 0.8 },
      onCall: { primary: { name: 'Ada' }, until: '2026-01-02T09:00:00.000Z' },
      runbooks: { runbookCount: 2 },
      maturity: { level: 'gold', score: 90 },
    });
    expect(first.body.items[1].onCall).toBeNull();
    expect(first.body.items[7]).toBeUndefined();
    expect(first.body.pageInfo.prevCursor).toBeUndefined();

    const seen = [...first.body.items.map((r: any) => r.name)];
    let cursor = first.body.pageInfo.nextCursor;
    while (cursor) {
      const page = await request(app).get(`/overview?limit=5&cursor=${cursor}`);
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((r: any) => r.name));
      expect(page.body.pageInfo.prevCursor).toBeDefined();
      cursor = page.body.pageInfo.nextCursor;
    }
    expect(seen).toEqual(names);
  });

  it('follows the catalog cursor on later pages (keyset paging, no offset)', async () => {
    const { app, spies } = setup();
    const first = await request(app).get('/overview?limit=5&sort=owner');
    const callsOfFirst = spies.queryEntities.mock.calls.length;
    const second = await request(app).get(
      `/overview?limit=5&cursor=${first.body.pageInfo.nextCursor}`,
    );
    expect(second.status).toBe(200);
    // One catalog call for the second page, with the catalog's cursor, and no count.
    const secondCalls = spies.queryEntities.mock.calls.slice(callsOfFirst);
    expect(secondCalls).toHaveLength(1);
    expect(secondCalls[0][0]).toEqual({
      cursor: expect.any(String),
      fields: expect.any(Array),
      limit: 5,
    });
    // The same rows as reading the page by offset.
    const byOffset = await request(app).get('/overview?limit=10&sort=owner');
    expect(second.body.items.map((r: any) => r.name)).toEqual(
      byOffset.body.items.slice(5).map((r: any) => r.name),
    );
    expect(second.body.totalItems).toBe(first.body.totalItems);
    // Going back reads by offset from the filters the cursor carries.
    const back = await request(app).get(
      `/overview?limit=5&cursor=${second.body.pageInfo.prevCursor}`,
    );
    expect(back.body.items).toEqual(first.body.items);
  });

  it('keeps a constant number of catalog and summary calls whatever the page size', async () => {
    const counts = [];
    for (const limit of [2, 12]) {
      const { app, spies, sources } = setup();
      const response = await request(app).get(`/overview?limit=${limit}`);
      expect(response.body.items).toHaveLength(limit);
      counts.push({
        queryEntities: spies.queryEntities.mock.calls.length,
        getEntitiesByRefs: spies.getEntitiesByRefs.mock.calls.length,
        getEntities: spies.getEntities.mock.calls.length,
        slo: sources.slo.getSummaries.mock.calls.length,
        maturity: sources.maturity.getSummaries.mock.calls.length,
      });
    }
    expect(counts[0]).toEqual({
      // the page, and the count (in parallel)
      queryEntities: 2,
      getEntitiesByRefs: 1,
      getEntities: 0,
      slo: 1,
      maturity: 1,
    });
    expect(counts[1]).toEqual(counts[0]);
  });

  it('filters by team, system, domain, tier and text in the catalog query', async () => {
    const { app } = setup();
    const team = await request(app).get('/overview?team=team-b&limit=100');
    expect(
      team.body.items.every((r: any) => r.owner === 'group:default/team-b'),
    ).toBe(true);
    expect(team.body.totalItems).toBe(6);

    const byDomain = await request(app).get(
      '/overview?domain=commerce&tier=tier-1',
    );
    expect(byDomain.body.items.map((r: any) => r.name)).toEqual([
      'svc-00',
      'svc-03',
    ]);

    const none = await request(app).get(
      '/overview?domain=commerce&system=infra',
    );
    expect(none.body).toMatchObject({ items: [], totalItems: 0 });

    const text = await request(app).get('/overview?q=svc-1');
    expect(text.body.items.map((r: any) => r.name)).toEqual([
      'svc-10',
      'svc-11',
    ]);
  });

  it('takes the domain of a domain-filtered page from the pre-selection (no lookup of its systems)', async () => {
    const { app, spies } = setup();
    const response = await request(app).get('/overview?domain=commerce');
    expect(response.body.items.length).toBeGreaterThan(0);
    expect(
      response.body.items.every(
        (r: any) =>
          r.system === 'system:default/shop' &&
          r.domain === 'domain:default/commerce',
      ),
    ).toBe(true);
    expect(spies.getEntities).toHaveBeenCalledTimes(1);
    expect(spies.getEntitiesByRefs).not.toHaveBeenCalled();
  });

  it('sorts by a catalog field in either order', async () => {
    const { app } = setup();
    const response = await request(app).get(
      '/overview?sort=tier&order=desc&limit=4',
    );
    expect(response.body.items.map((r: any) => r.tier)).toEqual([
      'tier-3',
      'tier-3',
      'tier-3',
      'tier-3',
    ]);
    const byName = await request(app).get('/overview?order=desc&limit=1');
    expect(byName.body.items[0].name).toBe('svc-11');
  });

  describe('level filter', () => {
    const levels: Record<string, string> = {
      'component:default/svc-00': 'gold',
      'component:default/svc-03': 'bronze',
      'component:default/svc-05': 'gold',
      'component:default/svc-07': 'gold',
      'component:default/svc-08': 'gold',
      'component:default/gone': 'gold',
      'system:default/shop': 'gold',
    };
    for (const name of names) {
      levels[`component:default/${name}`] ??= 'none';
    }
    function levelIndex(): MaturityLevelIndex & {
      pageEntityRefsWithLevel: jest.Mock;
    } {
      return {
        pageEntityRefsWithLevel: jest.fn(async options => {
          const refs = Object.keys(levels)
            .filter(
              ref =>
                levels[ref] === options.level &&
                ref.startsWith(`${options.kind}:`),
            )
            .sort();
          if (options.order === 'desc') refs.reverse();
          return {
            entityRefs: refs.slice(
              options.offset,
              options.offset + options.limit,
            ),
            totalItems: options.includeTotal ? refs.length : undefined,
          };
        }),
      };
    }

    it('pages over the level index with a constant number of calls whatever the page size', async () => {
      const counts = [];
      for (const limit of [2, 3, 100]) {
        const maturityLevels = levelIndex();
        const { app, spies, sources } = setup({ sources: { maturityLevels } });
        const response = await request(app).get(
          `/overview?level=gold&limit=${limit}`,
        );
        expect(response.status).toBe(200);
        expect(response.body.totalItems).toBe(5);
        counts.push({
          index: maturityLevels.pageEntityRefsWithLevel.mock.calls.length,
          queryEntities: spies.queryEntities.mock.calls.length,
          getEntitiesByRefs: spies.getEntitiesByRefs.mock.calls.length,
          getEntities: spies.getEntities.mock.calls.length,
          slo: sources.slo.getSummaries.mock.calls.length,
          oncall: sources.oncall.getSummaries.mock.calls.length,
          runbooks: sources.runbooks.getSummaries.mock.calls.length,
          maturity: sources.maturity.getSummaries.mock.calls.length,
        });
      }
      expect(counts[0]).toEqual({
        index: 1,
        queryEntities: 0,
        // the page's services, then their systems' domains
        getEntitiesByRefs: 2,
        getEntities: 0,
        slo: 1,
        oncall: 1,
        runbooks: 1,
        maturity: 1,
      });
      expect(counts[1]).toEqual(counts[0]);
      expect(counts[2]).toEqual(counts[0]);
    });

    it('reads only the page of refs, with fields, and drops refs the catalog does not return', async () => {
      const maturityLevels = levelIndex();
      const { app, spies } = setup({ sources: { maturityLevels } });
      const first = await request(app).get('/overview?level=gold&limit=3');
      expect(first.body.items.map((r: any) => r.name)).toEqual([
        // component:default/gone is not in the catalog (or not visible): dropped, the page is shorter
        'svc-00',
        'svc-05',
      ]);
      expect(spies.getEntitiesByRefs.mock.calls[0][0]).toMatchObject({
        entityRefs: [
          'component:default/gone',
          'component:default/svc-00',
          'component:default/svc-05',
        ],
        fields: expect.arrayContaining(['metadata.name', 'spec.owner']),
      });
      expect(maturityLevels.pageEntityRefsWithLevel).toHaveBeenCalledWith({
        level: 'gold',
        kind: 'component',
        order: 'asc',
        offset: 0,
        limit: 3,
        includeTotal: true,
      });
      const second = await request(app).get(
        `/overview?limit=3&cursor=${first.body.pageInfo.nextCursor}`,
      );
      expect(second.body.items.map((r: any) => r.name)).toEqual([
        'svc-07',
        'svc-08',
      ]);
      expect(second.body.totalItems).toBe(5);
      expect(second.body.pageInfo.nextCursor).toBeUndefined();
      expect(second.body.pageInfo.prevCursor).toBeDefined();
      expect(
        maturityLevels.pageEntityRefsWithLevel.mock.calls[1][0],
      ).toMatchObject({ offset: 3, includeTotal: false });
    });

    it('matches never-assessed services with level=none and keeps the order', async () => {
      const { app } = setup({ sources: { maturityLevels: levelIndex() } });
      const none = await request(app).get('/overview?level=none&order=desc');
      expect(none.body.totalItems).toBe(7);
      expect(none.body.items.map((r: any) => r.name)).toEqual([
        'svc-11',
        'svc-10',
        'svc-09',
        'svc-06',
        'svc-04',
        'svc-02',
        'svc-01',
      ]);
    });

    it('applies other filters to a bounded scan of the index in the same calls', async () => {
      const maturityLevels = levelIndex();
      const { app, spies } = setup({ sources: { maturityLevels } });
      const response = await request(app).get(
        '/overview?level=gold&team=team-b&q=svc-0',
      );
      expect(response.body.items.map((r: any) => r.name)).toEqual([
        'svc-05',
        'svc-07',
      ]);
      expect(spies.getEntitiesByRefs.mock.calls[0][0]).toMatchObject({
        filter: {
          kind: 'component',
          'relations.ownedBy': 'group:default/team-b',
        },
      });
      expect(maturityLevels.pageEntityRefsWithLevel).toHaveBeenCalledTimes(1);
      expect(spies.queryEntities).not.toHaveBeenCalled();

      const csv = await request(app).get(
        '/overview.csv?level=gold&tier=tier-3',
      );
      expect(csv.text.trim().split('\r\n')).toHaveLength(3);
    });
  });

  describe('policy filter and column', () => {
    it('shows each service policy state and since when, and exports it as CSV', async () => {
      const { app } = setup();
      const page = await request(app).get('/overview?limit=3');
      expect(page.body.items.map((r: any) => r.policy)).toEqual([
        {
          state: 'frozen',
          decision: 'deny',
          since: '2026-01-01T08:00:00.000Z',
        },
        {
          state: 'review',
          decision: 'warn',
          since: '2026-01-01T08:00:00.000Z',
        },
        {
          state: 'frozen',
          decision: 'deny',
          since: '2026-01-01T08:00:00.000Z',
        },
      ]);
      const none = await request(app).get('/overview?q=svc-03');
      expect(none.body.items[0].policy).toBeNull();

      const csv = await request(app).get('/overview.csv?team=team-a');
      const lines = csv.text.trim().split('\r\n');
      expect(lines[0].endsWith(',policyState,policyDecision,policySince')).toBe(
        true,
      );
      expect(lines[1]).toMatch(
        /^component:default\/svc-00,.*,frozen,deny,2026-01-01T08:00:00.000Z$/,
      );
    });

    it('pages over the policy state index with one summary call per area whatever the page size', async () => {
      const counts = [];
      for (const limit of [2, 100]) {
        const policyStates = policyIndex();
        const { app, spies, sources } = setup({ sources: { policyStates } });
        const response = await request(app).get(
          `/overview?policy=frozen&limit=${limit}`,
        );
        expect(response.status).toBe(200);
        expect(response.body.totalItems).toBe(4);
        counts.push({
          index: policyStates.pageEntityRefsWithPolicyState.mock.calls.length,
          queryEntities: spies.queryEntities.mock.calls.length,
          getEntitiesByRefs: spies.getEntitiesByRefs.mock.calls.length,
          policy: sources.policy.getSummaries.mock.calls.length,
          slo: sources.slo.getSummaries.mock.calls.length,
          maturity: sources.maturity.getSummaries.mock.calls.length,
        });
      }
      expect(counts[0]).toEqual({
        index: 1,
        queryEntities: 0,
        getEntitiesByRefs: 2,
        policy: 1,
        slo: 1,
        maturity: 1,
      });
      expect(counts[1]).toEqual(counts[0]);
    });

    it('lists the services in a state, in ref order, across pages and with other filters', async () => {
      const policyStates = policyIndex();
      const { app } = setup({ sources: { policyStates } });
      const first = await request(app).get('/overview?policy=Frozen&limit=2');
      expect(first.status).toBe(200);
      // component:default/gone is not in the catalog: dropped from its page.
      expect(first.body.items.map((r: any) => r.name)).toEqual(['svc-00']);
      expect(policyStates.pageEntityRefsWithPolicyState).toHaveBeenCalledWith({
        state: 'frozen',
        kind: 'component',
        order: 'asc',
        offset: 0,
        limit: 2,
        includeTotal: true,
      });
      const second = await request(app).get(
        `/overview?limit=2&cursor=${first.body.pageInfo.nextCursor}`,
      );
      expect(second.body.items.map((r: any) => r.name)).toEqual([
        'svc-02',
        'svc-09',
      ]);
      expect(second.body.pageInfo.nextCursor).toBeUndefined();

      const teamB = await request(app).get(
        '/overview?policy=frozen&team=team-b',
      );
      expect(teamB.body.items.map((r: any) => r.name)).toEqual(['svc-09']);
      const review = await request(app).get('/overview?policy=review');
      expect(review.body.items.map((r: any) => r.name)).toEqual(['svc-01']);

      const csv = await request(app).get('/overview.csv?policy=frozen');
      expect(csv.text.trim().split('\r\n')).toHaveLength(4);
    });

    it.each([
      ['policy=frozen%20now'],
      ['policy=-frozen'],
      [`policy=${'x'.repeat(41)}`],
      ['policy=frozen&level=gold'],
    ])('answers 400 to a bad policy filter (%s)', async query => {
      const { app } = setup({
        sources: { policyStates: policyIndex() },
      });
      const response = await request(app).get(`/overview?${query}`);
      expect(response.status).toBe(400);
    });

    it('answers 400 to a policy filter without the policy area', async () => {
      const { app } = setup();
      const response = await request(app).get('/overview?policy=frozen');
      expect(response.status).toBe(400);
      expect(response.body.error.message).toMatch(/policy area/);
    });
  });

  it('answers 400 to a level filter without the checklist', async () => {
    const { app } = setup();
    const response = await request(app).get('/overview?level=gold');
    expect(response.status).toBe(400);
  });

  it('lists the areas that are not installed', async () => {
    const { app } = setup({ sources: { slo: undefined, oncall: undefined } });
    const response = await request(app).get('/overview?limit=1');
    expect(response.body.unavailable).toEqual(['slo', 'oncall']);
    expect(response.body.items[0].slo).toBeNull();
  });

  it('exports every matching row as CSV', async () => {
    const { app } = setup();
    const response = await request(app).get('/overview.csv?team=team-a');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.headers['content-disposition']).toContain('attachment');
    const lines = response.text.trim().split('\r\n');
    expect(lines[0].startsWith('entityRef,name,title,owner')).toBe(true);
    expect(lines).toHaveLength(7);
    expect(lines[1]).toContain(
      'component:default/svc-00,svc-00,,group:default/team-a',
    );
    expect(response.headers['x-reliability-total-items']).toBe('6');
    expect(response.headers['x-reliability-exported-items']).toBe('6');
  });

  it('stops a CSV export at the configured row cap and says so in its headers', async () => {
    const { app } = setup({ csvMaxRows: 4 });
    const response = await request(app).get('/overview.csv');
    expect(response.status).toBe(200);
    // the header line and the first 4 of the 12 services, in name order
    const lines = response.text.trim().split('\r\n');
    expect(lines).toHaveLength(5);
    expect(lines[4]).toContain('component:default/svc-03,');
    expect(response.headers['x-reliability-total-items']).toBe('12');
    expect(response.headers['x-reliability-exported-items']).toBe('4');
  });

  it('flushes a compressed CSV export after each page it writes', async () => {
    const { app: inner } = setup();
    const flush = jest.fn();
    const app = express()
      .use((_req, res, next) => {
        (res as unknown as { flush: () => void }).flush = flush;
        next();
      })
      .use(inner);
    const response = await request(app).get('/overview.csv?limit=5');
    expect(response.text.trim().split('\r\n')).toHaveLength(13);
    // The header, then each of the export's pages (one page of 12 rows here).
    expect(flush).toHaveBeenCalledTimes(2);
  });

  it('rolls services up by team and by system', async () => {
    const { app } = setup();
    const byTeam = await request(app).get('/overview/summaries?by=team');
    expect(byTeam.status).toBe(200);
    expect(byTeam.body.serviceCount).toBe(12);
    const teamA = byTeam.body.groups.find(
      (g: any) => g.entityRef === 'group:default/team-a',
    );
    expect(teamA).toMatchObject({
      serviceCount: 6,
      withSlos: 1 / 6,
      meetingSlos: 1,
      onCallCoverage: 1 / 6,
      averageMaturity: 90,
      breachingCount: 1,
    });
    const bySystem = await request(app).get('/overview/summaries?by=system');
    expect(bySystem.body.groups.map((g: any) => g.entityRef).sort()).toEqual([
      'system:default/infra',
      'system:default/shop',
    ]);
    expect(
      (await request(app).get('/overview/summaries?by=everything')).status,
    ).toBe(400);
  });

  it('rolls the lowest budget of a system’s services and of its own SLOs up to the system', async () => {
    const slo = fakeSource({
      'component:default/svc-00': sloSummary('component:default/svc-00', {
        worstBudgetRemaining: 0.4,
      }),
      'component:default/svc-07': sloSummary('component:default/svc-07', {
        worstBudgetRemaining: 0.9,
      }),
      // infra's own user-journey SLO has spent more than its budget
      'system:default/infra': sloSummary('system:default/infra', {
        worstBudgetRemaining: -2,
      }),
    });
    const { app } = setup({ sources: { slo } });
    const bySystem = await request(app).get('/overview/summaries?by=system');
    const budgets = Object.fromEntries(
      bySystem.body.groups.map((g: any) => [
        g.entityRef,
        g.worstBudgetRemaining,
      ]),
    );
    expect(budgets).toEqual({
      'system:default/shop': 0.4,
      'system:default/infra': -2,
    });
    // One call per catalog page plus one for the systems' own summaries.
    expect(slo.getSummaries).toHaveBeenLastCalledWith([
      'system:default/shop',
      'system:default/infra',
    ]);
    const byTeam = await request(app).get('/overview/summaries?by=team');
    expect(
      byTeam.body.groups.map((g: any) => [g.entityRef, g.worstBudgetRemaining]),
    ).toEqual([
      ['group:default/team-a', 0.4],
      ['group:default/team-b', 0.9],
    ]);
  });

  it('serves tours and answers 404 for unknown systems and 400 for bad names', async () => {
    const { app } = setup();
    expect((await request(app).get('/tour/systems/default/nope')).status).toBe(
      404,
    );
    expect((await request(app).get('/tour/domains/default/shop')).status).toBe(
      404,
    );
    expect((await request(app).get('/tour/systems/default/a%20b')).status).toBe(
      400,
    );
    const tour = await request(app).get('/tour/domains/default/commerce');
    expect(tour.status).toBe(200);
    expect(tour.body.root.entityRef).toBe('domain:default/commerce');
  });

  it('serves blast radii of components and answers 404 for systems and unknown entities, 400 for bad names', async () => {
    const { app } = setup();
    const ok = await request(app).get(
      '/tour/blast-radius/component/default/svc-00',
    );
    expect(ok.status).toBe(200);
    expect(ok.body.root.entityRef).toBe('component:default/svc-00');
    expect(ok.body.dependents).toEqual([]);
    expect(
      (await request(app).get('/tour/blast-radius/system/default/shop')).status,
    ).toBe(404);
    expect(
      (await request(app).get('/tour/blast-radius/component/default/nope'))
        .status,
    ).toBe(404);
    expect(
      (await request(app).get('/tour/blast-radius/component/default/a%20b'))
        .status,
    ).toBe(400);
  });

  describe('stored roll-ups', () => {
    const computedAt = new Date('2026-11-30T18:00:00Z');
    const storedTeams = [
      {
        entityRef: 'group:default/team-a',
        serviceCount: 70_000,
        withSlos: 0.5,
        meetingSlos: 0.25,
        onCallCoverage: 0.75,
        averageMaturity: 42,
        breachingCount: 3,
        worstBudgetRemaining: -0.5,
      },
      {
        entityRef: null,
        serviceCount: 30_000,
        withSlos: null,
        meetingSlos: null,
        onCallCoverage: null,
        averageMaturity: null,
        breachingCount: 0,
        worstBudgetRemaining: null,
      },
    ];
    const fakeStore = (withRows: boolean) => ({
      replaceRollUps: jest.fn(async () => {}),
      getRollUp: jest.fn(async (by: 'team' | 'system') =>
        withRows && by === 'team'
          ? { groups: storedTeams, computedAt }
          : undefined,
      ),
    });
    const decision = (result: AuthorizeResult) =>
      mockServices.permissions.mock({
        authorizeConditional: async () =>
          result === AuthorizeResult.CONDITIONAL
            ? [
                {
                  result: AuthorizeResult.CONDITIONAL,
                  pluginId: 'catalog',
                  resourceType: 'catalog-entity',
                  conditions: {
                    rule: 'IS_ENTITY_OWNER',
                    resourceType: 'catalog-entity',
                    params: { claims: ['group:default/team-a'] },
                  },
                },
              ]
            : [{ result }],
      });

    it('answers from the stored roll-up, with its computedAt, for a caller who may read every entity', async () => {
      const store = fakeStore(true);
      const { app, spies } = setup({
        store,
        permissions: decision(AuthorizeResult.ALLOW),
      });
      const response = await request(app).get('/overview/summaries?by=team');
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        by: 'team',
        groups: storedTeams,
        serviceCount: 100_000,
        truncated: false,
        computedAt: '2026-11-30T18:00:00.000Z',
      });
      expect(store.getRollUp).toHaveBeenCalledWith('team');
      expect(spies.queryEntities).not.toHaveBeenCalled();
    });

    it('computes the roll-up on request (no computedAt) before the first pass', async () => {
      const store = fakeStore(true);
      const { app, spies } = setup({
        store,
        permissions: decision(AuthorizeResult.ALLOW),
      });
      // Nothing stored by system yet.
      const response = await request(app).get('/overview/summaries?by=system');
      expect(response.status).toBe(200);
      expect(response.body.computedAt).toBeUndefined();
      expect(response.body.serviceCount).toBe(12);
      expect(store.getRollUp).toHaveBeenCalledWith('system');
      expect(spies.queryEntities).toHaveBeenCalled();
    });

    it.each([
      [AuthorizeResult.ALLOW, true],
      [AuthorizeResult.CONDITIONAL, false],
      [AuthorizeResult.DENY, false],
    ])(
      'lists pages and CSV exports from the services index only when catalog reads are %s (%s) for the caller',
      async (result, fromServicesIndex) => {
        const overview = new OverviewService({
          catalog: catalogServiceMock({ entities: entities() }),
          sources: {},
        });
        const getPage = jest.spyOn(overview, 'getPage');
        const router = createOverviewRouter({
          httpAuth: mockServices.httpAuth({
            defaultCredentials: mockCredentials.user(),
          }),
          permissions: decision(result),
          overview,
          tour: {} as TourService,
          blastRadius: {} as BlastRadiusService,
          csvMaxRows: 100,
        });
        const app = express().use(router).use(mockErrorHandler());
        expect((await request(app).get('/overview?limit=5')).status).toBe(200);
        expect((await request(app).get('/overview.csv')).status).toBe(200);
        expect(getPage).toHaveBeenCalledTimes(2);
        for (const call of getPage.mock.calls) {
          expect(call[1]).toEqual(mockCredentials.user());
          expect(call[2]).toEqual({ fromServicesIndex });
        }
      },
    );

    it.each([AuthorizeResult.CONDITIONAL, AuthorizeResult.DENY])(
      'never answers from the stored roll-up when catalog reads are %s for the caller',
      async result => {
        const store = fakeStore(true);
        const { app, spies } = setup({ store, permissions: decision(result) });
        const response = await request(app).get('/overview/summaries?by=team');
        expect(response.status).toBe(200);
        expect(response.body.computedAt).toBeUndefined();
        expect(response.body.serviceCount).toBe(12);
        expect(store.getRollUp).not.toHaveBeenCalled();
        // Computed with the caller's own credentials (the catalog applies its permissions).
        expect(spies.queryEntities).toHaveBeenCalledWith(expect.anything(), {
          credentials: mockCredentials.user(),
        });
      },
    );
  });
});
