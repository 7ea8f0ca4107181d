import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { OverviewPage } from '@internal/backstage-plugin-reliability-common';
import { migrateDatabase } from '../../database/migrateDatabase';
import {
  decodeCursor,
  OverviewFilters,
  OverviewRequest,
} from '../overviewQuery';
import { OverviewService } from '../OverviewService';
import { MaturityLevelIndex, OverviewSources } from '../sources';
import { KnexOverviewStore } from '../store/KnexOverviewStore';
import {
  component,
  domain,
  fakeSource,
  maturitySummary,
  sloSummary,
  system,
} from '../__testUtils__/fixtures';
import { KnexServicesIndexStore } from '../store/KnexServicesIndexStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

const NOW = new Date('2026-12-01T08:00:00Z');
const MAX_AGE_MS = 30 * 60_000;

/** 40 services over three teams, three systems (two in a domain), three tiers and no tier, some with a title. */
function entities(count = 40): Entity[] {
  return [
    domain('commerce', ['system:default/shop', 'system:default/pay']),
    system('shop', 'commerce'),
    system('pay', 'commerce'),
    system('infra'),
    ...Array.from({ length: count }, (_, i) => {
      const entity = component(`svc-${String(i).padStart(2, '0')}`, {
        owner: ['team-a', 'team-b', 'team-c'][i % 3],
        system: ['shop', 'pay', 'infra'][i % 4] ?? 'shop',
        tier: i % 5 === 4 ? undefined : `tier-${(i % 3) + 1}`,
      });
      if (i % 7 === 0) entity.metadata.title = `Service ${i} Gateway`;
      return entity;
    }),
  ];
}

const GOLD = ['svc-01', 'svc-04', 'svc-09', 'svc-16', 'svc-25', 'svc-36'];

/** The maturity level index of GOLD (every other service `none`). */
const levels: MaturityLevelIndex = {
  pageEntityRefsWithLevel: async options => {
    const refs = entities()
      .filter(e => e.kind === 'Component')
      .map(e => `component:default/${e.metadata.name}`)
      .filter(ref =>
        options.level === 'gold'
          ? GOLD.some(name => ref.endsWith(`/${name}`))
          : false,
      )
      .sort();
    if (options.order === 'desc') refs.reverse();
    return {
      entityRefs: refs.slice(options.offset, options.offset + options.limit),
      totalItems: options.includeTotal ? refs.length : undefined,
    };
  },
};

const sources: OverviewSources = {
  slo: fakeSource({
    'component:default/svc-03': sloSummary('component:default/svc-03', {
      alerting: 'page',
    }),
  }),
  maturity: fakeSource(
    Object.fromEntries(
      GOLD.map(name => [
        `component:default/${name}`,
        maturitySummary(`component:default/${name}`, 'gold', 90),
      ]),
    ),
  ),
  maturityLevels: levels,
};

async function setup(databaseId: Parameters<typeof databases.init>[0]) {
  const knex = await databases.init(databaseId);
  await migrateDatabase(knex);
  const store = new KnexOverviewStore({ knex });
  const indexStore = new KnexServicesIndexStore({ knex });
  let now = NOW;
  const serviceOver = (catalogEntities: Entity[]) => {
    const catalog = catalogServiceMock({ entities: catalogEntities });
    const spies = {
      queryEntities: jest.spyOn(catalog, 'queryEntities'),
      getEntitiesByRefs: jest.spyOn(catalog, 'getEntitiesByRefs'),
      getEntities: jest.spyOn(catalog, 'getEntities'),
    };
    const service = new OverviewService({
      catalog,
      sources,
      store,
      servicesIndex: { store: indexStore, maxAgeMs: MAX_AGE_MS },
      now: () => now,
    });
    return { service, spies };
  };
  return {
    knex,
    serviceOver,
    setNow: (at: Date) => {
      now = at;
    },
  };
}

const credentials = mockCredentials.service('plugin:reliability');

/** Every page of a query (pages of 7), with each page's `listedAt`. */
async function allPages(
  service: OverviewService,
  filters: Partial<OverviewFilters>,
  fromServicesIndex: boolean,
): Promise<{ pages: OverviewPage[]; rows: OverviewPage['items'] }> {
  let current: OverviewRequest | undefined = {
    limit: 7,
    offset: 0,
    filters: { sort: 'name', order: 'asc', ...filters },
  };
  const pages: OverviewPage[] = [];
  while (current) {
    const page = await service.getPage(current, credentials, {
      fromServicesIndex,
    });
    pages.push(page);
    current = page.pageInfo.nextCursor
      ? { ...decodeCursor(page.pageInfo.nextCursor), limit: 7 }
      : undefined;
  }
  return { pages, rows: pages.flatMap(p => p.items) };
}

const fromLevel = ({ rows }: { rows: OverviewPage['items'] }) =>
  rows.map(row => row.name);

/** Queries whose answers from the index and from the catalog are the same (every service has an owner and a system). */
const SAME_ANSWERS: Array<Partial<OverviewFilters>> = [
  {},
  { order: 'desc' },
  { team: 'team-b' },
  { team: 'group:default/TEAM-C', order: 'desc' },
  { system: 'infra' },
  { domain: 'commerce' },
  { domain: 'commerce', system: 'pay' },
  { tier: 'TIER-2' },
  { q: 'gateway' },
  { q: 'SVC-1' },
  { team: 'team-a', tier: 'tier-1', q: 'svc' },
  { sort: 'owner' },
  { sort: 'owner', order: 'desc' },
  { sort: 'system', domain: 'commerce' },
  { level: 'gold' },
  { level: 'gold', order: 'desc' },
  { level: 'gold', team: 'team-b' },
  { level: 'gold', domain: 'commerce', q: 'svc' },
];

describe('overview pages from the services index', () => {
  it.each(databases.eachSupportedId())(
    'answers every filter and sort as the catalog does, without asking the catalog, on %p',
    async databaseId => {
      const { serviceOver } = await setup(databaseId);
      const { service, spies } = serviceOver(entities());
      const pass = await service.refreshGroupRollUps(credentials);
      expect(pass?.servicesIndex).toEqual({
        serviceCount: 40,
        written: 40,
        deleted: 0,
        recorded: true,
      });
      const catalogOnly = new OverviewService({
        catalog: catalogServiceMock({ entities: entities() }),
        sources,
        now: () => NOW,
      });
      for (const filters of SAME_ANSWERS) {
        const fromCatalog = await allPages(catalogOnly, filters, false);
        spies.queryEntities.mockClear();
        spies.getEntitiesByRefs.mockClear();
        spies.getEntities.mockClear();
        const fromIndex = await allPages(service, filters, true);
        expect({ filters, rows: fromIndex.rows }).toEqual({
          filters,
          rows: fromCatalog.rows,
        });
        expect(fromIndex.rows.length).toBeGreaterThan(0);
        expect(fromIndex.pages[0].totalItems).toBe(
          fromCatalog.pages[0].totalItems,
        );
        for (const page of fromIndex.pages) {
          expect(page.listedAt).toBe(NOW.toISOString());
        }
        expect(fromCatalog.pages[0].listedAt).toBeUndefined();
        expect(spies.queryEntities).not.toHaveBeenCalled();
        expect(spies.getEntitiesByRefs).not.toHaveBeenCalled();
        expect(spies.getEntities).not.toHaveBeenCalled();
      }
    },
  );

  it.each(databases.eachSupportedId())(
    'lists reliability-filter pages from the index for callers who may not see every service, keeping only what the catalog shows them, on %p',
    async databaseId => {
      const { serviceOver } = await setup(databaseId);
      await serviceOver(entities()).service.refreshGroupRollUps(credentials);
      // The caller's catalog reads are conditional: two gold services, every tenth service and the system `pay` (in
      // the domain `commerce`) are hidden from them.
      const hidden = new Set(['svc-04', 'svc-25', 'pay']);
      const visible = entities().filter(
        (e, i) => !hidden.has(e.metadata.name) && i % 10 !== 9,
      );
      const { service, spies } = serviceOver(visible);
      const catalogOnly = new OverviewService({
        catalog: catalogServiceMock({ entities: visible }),
        sources,
        now: () => NOW,
      });
      for (const filters of [
        { level: 'gold' },
        { level: 'gold', order: 'desc' },
        { level: 'gold', team: 'team-b' },
        { level: 'gold', domain: 'commerce', q: 'svc' },
      ] as const) {
        spies.queryEntities.mockClear();
        spies.getEntitiesByRefs.mockClear();
        const fromIndex = await allPages(service, filters, false);
        const fromCatalog = await allPages(catalogOnly, filters, false);
        expect({ filters, rows: fromIndex.rows }).toEqual({
          filters,
          rows: fromCatalog.rows,
        });
        expect(fromIndex.rows.map(row => row.name)).not.toContain('svc-04');
        expect(fromIndex.pages[0].totalItems).toBe(
          fromCatalog.pages[0].totalItems,
        );
        expect(fromIndex.pages[0].listedAt).toBe(NOW.toISOString());
        // The catalog is asked only which of the page's services the caller sees (refs, no other fields).
        expect(spies.queryEntities).not.toHaveBeenCalled();
        expect(spies.getEntitiesByRefs).toHaveBeenCalled();
        for (const [request] of spies.getEntitiesByRefs.mock.calls) {
          expect(request.fields).toEqual([
            'kind',
            'metadata.namespace',
            'metadata.name',
          ]);
        }
      }
      const gold = await allPages(service, { level: 'gold' }, false);
      expect(fromLevel(gold)).toEqual(['svc-01', 'svc-09', 'svc-16', 'svc-36']);
      // A service of a system the caller may not read is listed without that system's domain, and not in the domain.
      const byName = new Map(gold.rows.map(row => [row.name, row]));
      expect(byName.get('svc-01')).toMatchObject({
        system: 'system:default/pay',
        domain: null,
      });
      expect(byName.get('svc-16')?.domain).toBe('domain:default/commerce');
      const inCommerce = await allPages(
        service,
        { level: 'gold', domain: 'commerce' },
        false,
      );
      expect(fromLevel(inCommerce)).toEqual(['svc-16', 'svc-36']);

      // A catalog-only filter is still paged by the catalog with the caller's credentials.
      const team = await allPages(service, { team: 'team-b' }, false);
      expect(team.pages[0].listedAt).toBeUndefined();
      expect(spies.queryEntities).toHaveBeenCalled();

      // The catalog failing to say what the caller sees is said as such, not as the index's failure.
      spies.getEntitiesByRefs.mockRejectedValueOnce(new Error('ECONNRESET'));
      await expect(
        service.getPage(
          {
            limit: 7,
            offset: 0,
            filters: { sort: 'name', order: 'asc', level: 'gold' },
          },
          credentials,
        ),
      ).rejects.toThrow('The catalog could not say which services you may see');
    },
  );

  it.each(databases.eachSupportedId())(
    'lists services without a tier last when sorting by tier, where the catalog leaves them out, on %p',
    async databaseId => {
      const { serviceOver } = await setup(databaseId);
      const { service } = serviceOver(entities());
      await service.refreshGroupRollUps(credentials);
      for (const order of ['asc', 'desc'] as const) {
        const { rows, pages } = await allPages(
          service,
          { sort: 'tier', order },
          true,
        );
        expect(pages[0].totalItems).toBe(40);
        expect(rows).toHaveLength(40);
        expect(rows.slice(-8).every(row => row.tier === null)).toBe(true);
        const tiers = rows.slice(0, 32).map(row => row.tier);
        expect(tiers).toEqual(
          [...tiers].sort((a, b) =>
            order === 'asc'
              ? String(a).localeCompare(String(b))
              : String(b).localeCompare(String(a)),
          ),
        );
      }
    },
  );

  it.each(databases.eachSupportedId())(
    'reads the catalog before the first pass, after the pass is too old, and for callers without the option, on %p',
    async databaseId => {
      const { serviceOver, setNow } = await setup(databaseId);
      const { service, spies } = serviceOver(entities());
      const first = {
        limit: 5,
        offset: 0,
        filters: { sort: 'name', order: 'asc' },
      } as const;
      const before = await service.getPage(first, credentials, {
        fromServicesIndex: true,
      });
      expect(before.listedAt).toBeUndefined();
      expect(before.totalItems).toBe(40);
      await service.refreshGroupRollUps(credentials);
      expect(
        (await service.getPage(first, credentials, { fromServicesIndex: true }))
          .listedAt,
      ).toBe(NOW.toISOString());
      expect(
        (await service.getPage(first, credentials)).listedAt,
      ).toBeUndefined();
      setNow(new Date(NOW.getTime() + MAX_AGE_MS + 1));
      spies.queryEntities.mockClear();
      const stale = await service.getPage(first, credentials, {
        fromServicesIndex: true,
      });
      expect(stale.listedAt).toBeUndefined();
      expect(stale.items).toHaveLength(5);
      expect(spies.queryEntities).toHaveBeenCalled();
    },
  );

  it.each(databases.eachSupportedId())(
    'drops the services gone from the catalog after a complete pass, and keeps them when a pass is aborted, on %p',
    async databaseId => {
      const { serviceOver, setNow } = await setup(databaseId);
      await serviceOver(entities()).service.refreshGroupRollUps(credentials);
      // Ten services are gone and one changed its owner.
      const next = entities(30);
      const changed = next.find(e => e.metadata.name === 'svc-05')!;
      changed.spec = { ...changed.spec, owner: 'team-a' };
      changed.relations = [
        { type: 'ownedBy', targetRef: 'group:default/team-a' },
        { type: 'partOf', targetRef: 'system:default/pay' },
      ];
      const { service } = serviceOver(next);
      const later = new Date(NOW.getTime() + 10 * 60_000);
      setNow(later);

      const controller = new AbortController();
      controller.abort();
      expect(
        await service.refreshGroupRollUps(credentials, controller.signal),
      ).toBeUndefined();
      const afterAbort = await allPages(service, {}, true);
      expect(afterAbort.pages[0].totalItems).toBe(40);
      expect(afterAbort.pages[0].listedAt).toBe(NOW.toISOString());

      const pass = await service.refreshGroupRollUps(credentials);
      expect(pass?.servicesIndex).toEqual({
        serviceCount: 30,
        written: 1,
        deleted: 10,
        recorded: true,
      });
      const after = await allPages(service, {}, true);
      expect(after.rows.map(r => r.name)).toEqual(
        next.filter(e => e.kind === 'Component').map(e => e.metadata.name),
      );
      expect(after.pages[0].listedAt).toBe(later.toISOString());
      expect(after.rows.find(r => r.name === 'svc-05')?.owner).toBe(
        'group:default/team-a',
      );
    },
  );

  it.each(databases.eachSupportedId())(
    'reads pages from the catalog, with a warning, when the index cannot be read; a bad filter is still refused, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await migrateDatabase(knex);
      const indexStore = new KnexServicesIndexStore({ knex });
      const logger = mockServices.logger.mock();
      const service = new OverviewService({
        catalog: catalogServiceMock({ entities: entities() }),
        sources,
        store: new KnexOverviewStore({ knex }),
        servicesIndex: { store: indexStore, maxAgeMs: MAX_AGE_MS, logger },
        now: () => NOW,
      });
      await service.refreshGroupRollUps(credentials);
      jest
        .spyOn(indexStore, 'pageListings')
        .mockRejectedValue(new Error('relation "overview_services" is broken'));
      const first = {
        limit: 5,
        offset: 0,
        filters: { sort: 'name', order: 'asc' },
      } as const;
      for (let i = 0; i < 2; i++) {
        const page = await service.getPage(first, credentials, {
          fromServicesIndex: true,
        });
        expect(page.listedAt).toBeUndefined();
        expect(page.totalItems).toBe(40);
      }
      // Warned once for both requests (at most once a minute).
      expect(logger.warn).toHaveBeenCalledTimes(1);
      expect(logger.warn.mock.calls[0][0]).toContain(
        'the services index could not be read, pages are read from the catalog',
      );
      await expect(
        service.getPage(
          { ...first, filters: { ...first.filters, team: 'group:' } },
          credentials,
          { fromServicesIndex: true },
        ),
      ).rejects.toThrow("Invalid group reference 'group:'");
    },
  );
});
