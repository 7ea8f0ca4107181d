import { TestDatabases } from '@backstage/backend-test-utils';
import { migrateDatabase } from '../../database/migrateDatabase';
import { serviceListing } from '../__testUtils__/fixtures';
import { KnexServicesIndexStore } from './KnexServicesIndexStore';
import { ServicesIndexPageQuery } from './ServicesIndexStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

async function createStore(databaseId: Parameters<typeof databases.init>[0]) {
  const knex = await databases.init(databaseId);
  await migrateDatabase(knex);
  return { knex, store: new KnexServicesIndexStore({ knex }) };
}

/** Nine services: three owners (one without), tiers with case and one missing, titles for the text filter. */
const SERVICES = [
  serviceListing('alpha', { title: 'Alpha Gateway' }),
  serviceListing('Bravo', { owner: 'group:default/team-b', tier: 'Tier-2' }),
  serviceListing('charlie', { owner: null, tier: null }),
  serviceListing('delta', {
    owner: 'group:default/team-b',
    system: 'system:default/infra',
    domain: null,
    tier: 'tier-3',
  }),
  serviceListing('echo', { system: null, domain: null, tier: null }),
  serviceListing('foxtrot', { title: '100% uptime_store', tier: 'tier-2' }),
  serviceListing('golf', { owner: 'group:default/team-c' }),
  serviceListing('hotel', { title: 'Payments' }),
  serviceListing('india', { owner: 'group:default/team-b', tier: 'tier-2' }),
];

const page = (
  query: Partial<ServicesIndexPageQuery> &
    Pick<ServicesIndexPageQuery, 'filters'>,
): ServicesIndexPageQuery => ({
  sort: 'name',
  order: 'asc',
  offset: 0,
  limit: 50,
  includeTotal: true,
  ...query,
});

describe('KnexServicesIndexStore', () => {
  it.each(databases.eachSupportedId())(
    'stores listings, writing only new and changed ones, and reads them back unchanged, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      expect(await store.syncListings(SERVICES)).toBe(9);
      expect(await store.syncListings(SERVICES)).toBe(0);
      const changed = [
        { ...SERVICES[0], title: 'Alpha Edge' },
        ...SERVICES.slice(1),
        serviceListing('juliett'),
      ];
      expect(await store.syncListings(changed)).toBe(2);
      const { listings, totalItems } = await store.pageListings(
        page({ filters: {} }),
      );
      expect(totalItems).toBe(10);
      expect(listings).toEqual(
        [...changed].sort((a, b) =>
          a.name.toLowerCase().localeCompare(b.name.toLowerCase()),
        ),
      );
    },
  );

  it.each(databases.eachSupportedId())(
    'filters by owner, system, domain, tier (any case) and text, alone and together, with exact counts, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      await store.syncListings(SERVICES);
      const names = async (filters: ServicesIndexPageQuery['filters']) => {
        const result = await store.pageListings(page({ filters }));
        expect(result.totalItems).toBe(result.listings.length);
        return result.listings.map(l => l.name);
      };
      expect(await names({ ownerRef: 'group:default/team-b' })).toEqual([
        'Bravo',
        'delta',
        'india',
      ]);
      expect(await names({ systemRef: 'system:default/infra' })).toEqual([
        'delta',
      ]);
      expect(
        await names({ domainRef: 'domain:default/commerce' }),
      ).toHaveLength(7);
      expect(await names({ tier: 'tier-2' })).toEqual([
        'Bravo',
        'foxtrot',
        'india',
      ]);
      expect(
        await names({ ownerRef: 'group:default/team-b', tier: 'tier-2' }),
      ).toEqual(['Bravo', 'india']);
      // Name, title, owner's and system's names; never the kind or namespace of a ref.
      expect(await names({ text: 'gateway' })).toEqual(['alpha']);
      expect(await names({ text: 'team-c' })).toEqual(['golf']);
      expect(await names({ text: 'infra' })).toEqual(['delta']);
      expect(await names({ text: 'default' })).toEqual([]);
      // `%` and `_` are literal characters, not patterns; a line break never matches across fields.
      expect(await names({ text: '100%' })).toEqual(['foxtrot']);
      expect(await names({ text: 'e_s' })).toEqual(['foxtrot']);
      expect(await names({ text: '%' })).toEqual(['foxtrot']);
      expect(await names({ text: 'a_a' })).toEqual([]);
      expect(await names({ text: 'alpha\nalpha' })).toEqual([]);
    },
  );

  it.each(databases.eachSupportedId())(
    'sorts by each field in both orders with services without the field last, ties by name, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      await store.syncListings(SERVICES);
      // Sort and order: the names listed, in order.
      const expected = {
        'name asc': 'alpha Bravo charlie delta echo foxtrot golf hotel india',
        'name desc': 'india hotel golf foxtrot echo delta charlie Bravo alpha',
        'owner asc': 'alpha echo foxtrot hotel Bravo delta india golf charlie',
        'owner desc': 'golf Bravo delta india alpha echo foxtrot hotel charlie',
        'tier asc': 'alpha golf hotel Bravo foxtrot india delta charlie echo',
        'tier desc': 'delta Bravo foxtrot india alpha golf hotel charlie echo',
        'system desc':
          'alpha Bravo charlie foxtrot golf hotel india delta echo',
      };
      const listed: Record<string, string> = {};
      for (const key of Object.keys(expected)) {
        const [sort, order] = key.split(' ') as [
          ServicesIndexPageQuery['sort'],
          'asc' | 'desc',
        ];
        const { listings } = await store.pageListings(
          page({ filters: {}, sort, order }),
        );
        listed[key] = listings.map(l => l.name).join(' ');
      }
      expect(listed).toEqual(expected);
    },
  );

  it.each(databases.eachSupportedId())(
    'pages by offset without counting when not asked, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      await store.syncListings(SERVICES);
      const second = await store.pageListings(
        page({ filters: {}, offset: 4, limit: 3, includeTotal: false }),
      );
      expect(second.totalItems).toBeUndefined();
      expect(second.listings.map(l => l.name)).toEqual([
        'echo',
        'foxtrot',
        'golf',
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    "pages after the previous page's last service (keyset) in every sort and order, as one long page would, on %p",
    async databaseId => {
      const { store } = await createStore(databaseId);
      // Ties on every sort field, and services without one.
      const tied = [
        ...SERVICES,
        serviceListing('kilo', { owner: null, tier: null, system: null }),
        serviceListing('lima', { tier: 'TIER-2' }),
        serviceListing('Mike', {
          owner: 'group:default/team-b',
          tier: 'tier-2',
        }),
      ];
      await store.syncListings(tied);
      for (const sort of ['name', 'owner', 'system', 'tier'] as const) {
        for (const order of ['asc', 'desc'] as const) {
          for (const filters of [{}, { ownerRef: 'group:default/team-b' }]) {
            const whole = await store.pageListings(
              page({ filters, sort, order }),
            );
            expect(whole.next).toBeUndefined();
            const walked: string[] = [];
            let after;
            do {
              const next = await store.pageListings(
                // The offset is ignored after a key.
                page({
                  filters,
                  sort,
                  order,
                  limit: 2,
                  after,
                  offset: after ? 99 : 0,
                }),
              );
              walked.push(...next.listings.map(l => l.name));
              expect(next.listings.length).toBeLessThanOrEqual(2);
              after = next.next;
            } while (after);
            expect({ sort, order, filters, walked }).toEqual({
              sort,
              order,
              filters,
              walked: whole.listings.map(l => l.name),
            });
          }
        }
      }
    },
  );

  it.each(databases.eachSupportedId())(
    'looks services up by ref in the order asked, null for those missing or filtered out, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      await store.syncListings(SERVICES);
      const refs = [
        'component:default/india',
        'component:default/gone',
        'component:default/alpha',
        'component:default/bravo',
      ];
      expect(
        (await store.listingsByRefs(refs, {})).map(l => l?.name ?? null),
      ).toEqual(['india', null, 'alpha', 'Bravo']);
      expect(
        (await store.listingsByRefs(refs, { tier: 'tier-2' })).map(
          l => l?.name ?? null,
        ),
      ).toEqual(['india', null, null, 'Bravo']);
    },
  );

  it.each(databases.eachSupportedId())(
    'deletes every service not in a complete listing, reading the stored refs in pages, on %p',
    async databaseId => {
      const { store, knex } = await createStore(databaseId);
      const many = Array.from({ length: 2345 }, (_, i) =>
        serviceListing(`svc-${String(i).padStart(4, '0')}`),
      );
      await store.syncListings(many);
      // Every third service is gone, across the pages of 1,000 stored refs.
      const kept = new Set(
        many.filter((_, i) => i % 3 !== 0).map(l => l.entityRef),
      );
      expect(await store.deleteNotIn(kept)).toBe(782);
      const rows = await knex('overview_services')
        .select('entity_ref')
        .orderBy('entity_ref');
      expect(rows.map(r => r.entity_ref)).toEqual([...kept].sort());
      expect(await store.deleteNotIn(kept)).toBe(0);
    },
  );

  it.each(databases.eachSupportedId())(
    'records the last complete pass, replacing the one before, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      expect(await store.lastPass()).toBeUndefined();
      await store.recordPass(new Date('2026-12-01T08:00:00Z'), 9);
      await store.recordPass(new Date('2026-12-01T08:10:00Z'), 10);
      expect(await store.lastPass()).toEqual({
        listedAt: new Date('2026-12-01T08:10:00Z'),
        serviceCount: 10,
      });
    },
  );
});
