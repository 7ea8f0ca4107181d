import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { catalogEntityPages, queryAllEntities } from './catalogPages';

function component(name: string, owner = 'group:default/a'): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default' },
    spec: { owner },
  };
}

describe('catalog paging', () => {
  const entities = Array.from({ length: 7 }, (_, i) => component(`svc-${i}`));
  const credentials = mockCredentials.service();

  it('follows the cursor through every page', async () => {
    const catalog = catalogServiceMock({ entities });
    const pages: number[] = [];
    for await (const page of catalogEntityPages(
      catalog,
      { filter: { kind: 'component' }, pageSize: 3 },
      credentials,
    )) {
      pages.push(page.length);
    }
    expect(pages).toEqual([3, 3, 1]);
  });

  it('does not ask the catalog to count the matches', async () => {
    const catalog = catalogServiceMock({ entities });
    const queryEntities = jest.spyOn(catalog, 'queryEntities');
    await queryAllEntities(
      catalog,
      { filter: { kind: 'component' }, pageSize: 3 },
      credentials,
    );
    expect(queryEntities).toHaveBeenCalledTimes(3);
    expect(queryEntities.mock.calls[0][0]).toMatchObject({
      totalItems: 'exclude',
    });
  });

  it('applies the filter and stops at maxEntities', async () => {
    const catalog = catalogServiceMock({
      entities: [...entities, component('other', 'group:default/b')],
    });
    const owned = await queryAllEntities(
      catalog,
      { filter: { 'spec.owner': 'group:default/b' }, pageSize: 2 },
      credentials,
    );
    expect(owned.map(e => e.metadata.name)).toEqual(['other']);
    const capped = await queryAllEntities(
      catalog,
      { filter: { kind: 'component' }, pageSize: 2, maxEntities: 5 },
      credentials,
    );
    expect(capped).toHaveLength(5);
  });

  it.each([
    // [entities in the catalog, page size, cap, capped?]
    [8, 2, 6, true], // the cap falls on a page's end, a cursor is left
    [8, 3, 5, true], // the cap falls inside a page
    [6, 2, 6, false], // exactly as many as the cap: nothing left
    [5, 2, 6, false], // fewer than the cap
    [6, 3, 4, true], // inside the last page
  ])(
    'says whether the cap left entities unread (%p entities, pages of %p, cap %p)',
    async (count, pageSize, maxEntities, capped) => {
      const catalog = catalogServiceMock({
        entities: Array.from({ length: count }, (_, i) =>
          component(`svc-${i}`),
        ),
      });
      const onCapped = jest.fn();
      const read = await queryAllEntities(
        catalog,
        { filter: { kind: 'component' }, pageSize, maxEntities, onCapped },
        credentials,
      );
      expect(read).toHaveLength(Math.min(count, maxEntities));
      expect(onCapped).toHaveBeenCalledTimes(capped ? 1 : 0);
    },
  );
});
