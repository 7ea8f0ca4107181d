import { TestDatabases } from '@backstage/backend-test-utils';
import { deleteRefsNotIn, refsNotIn } from './refsNotIn';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

describe('refsNotIn', () => {
  it.each(databases.eachSupportedId())(
    'finds every distinct ref not kept, across pages of 1,000 and repeated refs, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.schema.createTable('things', table => {
        table.string('entity_ref', 512).notNullable();
        table.string('item', 16).notNullable();
        table.primary(['entity_ref', 'item']);
      });
      // 2,345 entities with two rows each; refs that sort awkwardly (case, punctuation, digits).
      const refs = Array.from(
        { length: 2345 },
        (_, i) =>
          `component:${['default', 'a-b', 'z_z'][i % 3]}/svc-${String(
            i,
          ).padStart(4, '0')}${i % 7 === 0 ? '.x' : ''}`,
      );
      const rows = refs.flatMap(ref => [
        { entity_ref: ref, item: 'a' },
        { entity_ref: ref, item: 'b' },
      ]);
      for (let i = 0; i < rows.length; i += 500) {
        await knex('things').insert(rows.slice(i, i + 500));
      }
      const keep = new Set(refs.filter((_, i) => i % 5 !== 0));
      const gone = await refsNotIn(knex, 'things', keep);
      expect(gone).toHaveLength(469);
      expect(new Set(gone)).toEqual(
        new Set(refs.filter((_, i) => i % 5 === 0)),
      );
      expect(await refsNotIn(knex, 'things', new Set(refs))).toEqual([]);
      expect(await refsNotIn(knex, 'things', new Set())).toHaveLength(2345);

      // Deleting them, 100 refs a statement: both rows of each ref go, the kept ones stay.
      expect(
        await deleteRefsNotIn(knex, 'things', keep, { refsPerDelete: 100 }),
      ).toBe(938);
      expect(await refsNotIn(knex, 'things', keep)).toEqual([]);
      const [{ n }] = await knex('things').count({ n: '*' });
      expect(Number(n)).toBe(2 * keep.size);
    },
  );
});
