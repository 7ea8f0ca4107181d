import { TestDatabases } from '@backstage/backend-test-utils';
import { migrateDatabase } from '../../database/migrateDatabase';
import { KnexOnCallStore } from './KnexOnCallStore';
import { OnCallRefresh } from './OnCallStore';
import { shift, snapshot } from '../__testUtils__/onCallFixtures';
import {
  errorRefresh,
  snapshotRefresh,
} from '../__testUtils__/onCallRefreshes';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
const NOW = new Date('2026-11-20T12:00:00.000Z');

describe.each(databases.eachSupportedId())(
  'KnexOnCallStore (%s)',
  databaseId => {
    async function createStore() {
      const db = await databases.init(databaseId);
      await migrateDatabase(db);
      return new KnexOnCallStore({ knex: db });
    }

    it('keeps the last good snapshot when a later attempt fails', async () => {
      const store = await createStore();
      await store.saveRefreshes([
        snapshotRefresh('component:default/a', snapshot(), NOW),
      ]);
      const later = new Date(NOW.getTime() + 60_000);
      await store.saveRefreshes([
        errorRefresh('component:default/a', 'HTTP 503', later),
      ]);
      await store.saveRefreshes([
        errorRefresh('component:default/b', 'HTTP 401', later),
      ]);

      const latest = await store.getLatest([
        'component:default/a',
        'component:default/b',
        'component:default/none',
      ]);
      expect(latest.size).toBe(2);
      const a = latest.get('component:default/a')!;
      expect(a.snapshot?.current[0].person.name).toBe('ana');
      expect(a.snapshotAt?.toISOString()).toBe(NOW.toISOString());
      expect(a.error).toBe('HTTP 503');
      expect(a.updatedAt.toISOString()).toBe(later.toISOString());
      expect(latest.get('component:default/b')?.snapshot).toBeNull();

      await store.saveRefreshes([
        snapshotRefresh('component:default/a', snapshot(), later),
      ]);
      expect(
        (await store.getLatest(['component:default/a'])).get(
          'component:default/a',
        )?.error,
      ).toBeNull();

      await store.deleteLatest(['component:default/b']);
      expect(await store.listLatestEntityRefsNotIn(new Set())).toEqual([
        'component:default/a',
      ]);
    });

    it('records a shift with an unknown end as lasting until the latest refresh that reports it', async () => {
      const store = await createStore();
      const ref = 'component:default/a';
      const open = {
        ...shift(
          'ana',
          1,
          '2026-11-20T08:00:00.000Z',
          '2026-11-21T08:00:00.000Z',
        ),
        end: null,
      };
      const reporting = snapshot({ current: [open] });
      await store.saveRefreshes([snapshotRefresh(ref, reporting, NOW)]);
      const later = new Date(NOW.getTime() + 30 * 60_000);
      await store.saveRefreshes([snapshotRefresh(ref, reporting, later)]);
      const [recorded] = await store.getShifts(
        [ref],
        new Date('2026-11-01'),
        new Date('2026-12-01'),
      );
      expect(recorded.end.toISOString()).toBe(later.toISOString());
    });

    it('records shifts, updates their end and closes shifts no longer reported', async () => {
      const store = await createStore();
      const ref = 'component:default/a';
      const ana = shift(
        'ana',
        1,
        '2026-11-20T08:00:00.000Z',
        '2026-11-21T08:00:00.000Z',
      );
      const bo = shift(
        'bo',
        1,
        '2026-11-21T08:00:00.000Z',
        '2026-11-22T08:00:00.000Z',
      );
      await store.saveRefreshes([
        snapshotRefresh(ref, snapshot({ current: [ana, bo] }), NOW),
      ]);
      expect(await store.refsWithFinishedShifts([ref], NOW)).toEqual(new Set());
      let shifts = await store.getShifts(
        [ref],
        new Date('2026-11-01'),
        new Date('2026-12-01'),
      );
      // Shifts that have not started are not recorded.
      expect(shifts.map(s => s.person.name)).toEqual(['ana']);

      // An override: cy takes over at 13:00; ana's shift ends then.
      const at = new Date('2026-11-20T13:00:00.000Z');
      const cy = shift(
        'cy',
        1,
        '2026-11-20T13:00:00.000Z',
        '2026-11-20T18:00:00.000Z',
      );
      await store.saveRefreshes([
        snapshotRefresh(ref, snapshot({ current: [cy] }), at),
      ]);
      shifts = await store.getShifts(
        [ref],
        new Date('2026-11-01'),
        new Date('2026-12-01'),
      );
      expect(
        shifts.map(s => [
          s.person.name,
          s.start.toISOString(),
          s.end.toISOString(),
          s.timeZone,
        ]),
      ).toEqual([
        [
          'ana',
          '2026-11-20T08:00:00.000Z',
          '2026-11-20T13:00:00.000Z',
          'Europe/Berlin',
        ],
        [
          'cy',
          '2026-11-20T13:00:00.000Z',
          '2026-11-20T18:00:00.000Z',
          'Europe/Berlin',
        ],
      ]);

      // Finished shifts (backfill) do not close anything.
      await store.recordShiftHistory(
        [
          {
            entityRef: ref,
            shifts: [
              shift(
                'dee',
                1,
                '2026-11-10T08:00:00.000Z',
                '2026-11-11T08:00:00.000Z',
              ),
            ],
          },
        ],
        at,
      );
      shifts = await store.getShifts(
        [ref],
        new Date('2026-11-01'),
        new Date('2026-12-01'),
      );
      expect(shifts.map(s => s.person.name)).toEqual(['dee', 'ana', 'cy']);
    });

    describe('a page of refreshes', () => {
      const later = new Date(NOW.getTime() + 60_000);
      const until = new Date('2026-12-01');
      /** Shifts in a stable order (getShifts orders by start only). */
      const sorted = <
        T extends { entityRef: string; start: Date; level: number },
      >(
        shifts: T[],
      ) =>
        [...shifts].sort(
          (x, y) =>
            x.entityRef.localeCompare(y.entityRef) ||
            x.start.getTime() - y.start.getTime() ||
            x.level - y.level,
        );
      const namesAndEnds = (
        shifts: Array<{ person: { name: string }; end: Date }>,
      ) => shifts.map(s => [s.person.name, s.end.toISOString()]);

      it('stores snapshots and failures in one call; a failure keeps the last good snapshot', async () => {
        const store = await createStore();
        await store.saveRefreshes([
          snapshotRefresh('component:default/a', snapshot(), NOW),
        ]);
        await store.saveRefreshes([
          {
            entityRef: 'component:default/a',
            at: later,
            provider: 'fake',
            error: 'HTTP 503',
          },
          {
            entityRef: 'component:default/b',
            at: later,
            provider: 'fake',
            error: 'HTTP 401',
          },
          { entityRef: 'component:default/c', at: later, snapshot: snapshot() },
        ]);

        const latest = await store.getLatest([
          'component:default/a',
          'component:default/b',
          'component:default/c',
        ]);
        expect(latest.get('component:default/a')).toEqual({
          entityRef: 'component:default/a',
          provider: 'fake',
          snapshot: snapshot(),
          snapshotAt: NOW,
          error: 'HTTP 503',
          updatedAt: later,
        });
        expect(latest.get('component:default/b')).toMatchObject({
          snapshot: null,
          snapshotAt: null,
          error: 'HTTP 401',
        });
        expect(latest.get('component:default/c')).toMatchObject({
          snapshot: snapshot(),
          snapshotAt: later,
          error: null,
          updatedAt: later,
        });
        // Only the snapshots' shifts in progress are recorded (a's by its earlier snapshot), none for failures:
        // a's failure leaves its shift as it was.
        const shifts = sorted(
          await store.getShifts(
            [
              'component:default/a',
              'component:default/b',
              'component:default/c',
            ],
            NOW,
            until,
          ),
        );
        expect(
          shifts.map(s => [s.entityRef, s.person.name, s.end.toISOString()]),
        ).toEqual([
          ['component:default/a', 'ana', '2026-11-21T08:00:00.000Z'],
          ['component:default/c', 'ana', '2026-11-21T08:00:00.000Z'],
        ]);

        // The next good snapshot clears the error.
        await store.saveRefreshes([
          { entityRef: 'component:default/a', at: later, snapshot: snapshot() },
        ]);
        expect(
          (await store.getLatest(['component:default/a'])).get(
            'component:default/a',
          )?.error,
        ).toBeNull();
        await expect(store.saveRefreshes([])).resolves.toBeUndefined();
      });

      it('closes the shifts each entity no longer reports, at the time of its own refresh', async () => {
        const store = await createStore();
        const ana = shift(
          'ana',
          1,
          '2026-11-20T08:00:00.000Z',
          '2026-11-21T08:00:00.000Z',
        );
        const bo = shift(
          'bo',
          2,
          '2026-11-20T08:00:00.000Z',
          '2026-11-21T08:00:00.000Z',
        );
        const open = {
          ...shift(
            'dee',
            1,
            '2026-11-20T10:00:00.000Z',
            '2026-11-21T08:00:00.000Z',
          ),
          end: null,
        };
        await store.saveRefreshes(
          ['a', 'b', 'c', 'd'].map(name => ({
            entityRef: `component:default/${name}`,
            at: NOW,
            snapshot: snapshot({ current: name === 'd' ? [open] : [ana, bo] }),
          })),
        );

        // a: cy took over from ana at 13:00; b: no change; c: nobody is on call any more; d: the shift with
        // an unknown end is still reported, so it lasts until this refresh.
        const at = new Date('2026-11-20T13:00:00.000Z');
        const cy = shift(
          'cy',
          1,
          '2026-11-20T13:00:00.000Z',
          '2026-11-21T08:00:00.000Z',
        );
        await store.saveRefreshes([
          {
            entityRef: 'component:default/a',
            at,
            snapshot: snapshot({ current: [cy, bo] }),
          },
          {
            entityRef: 'component:default/b',
            at: later,
            snapshot: snapshot({ current: [ana, bo] }),
          },
          {
            entityRef: 'component:default/c',
            at: later,
            snapshot: snapshot({ current: [] }),
          },
          {
            entityRef: 'component:default/d',
            at: later,
            snapshot: snapshot({ current: [open] }),
          },
        ]);

        const shiftsOf = async (ref: string) =>
          namesAndEnds(
            sorted(
              await store.getShifts(
                [`component:default/${ref}`],
                new Date('2026-11-01'),
                until,
              ),
            ),
          );
        expect(await shiftsOf('a')).toEqual([
          ['ana', '2026-11-20T13:00:00.000Z'],
          ['bo', '2026-11-21T08:00:00.000Z'],
          ['cy', '2026-11-21T08:00:00.000Z'],
        ]);
        expect(await shiftsOf('b')).toEqual([
          ['ana', '2026-11-21T08:00:00.000Z'],
          ['bo', '2026-11-21T08:00:00.000Z'],
        ]);
        expect(await shiftsOf('c')).toEqual([
          ['ana', later.toISOString()],
          ['bo', later.toISOString()],
        ]);
        expect(await shiftsOf('d')).toEqual([['dee', later.toISOString()]]);
      });

      it('stores a page as one call per entity would', async () => {
        const perEntity = await createStore();
        const paged = await createStore();
        const ana = shift(
          'ana',
          1,
          '2026-11-20T08:00:00.000Z',
          '2026-11-21T08:00:00.000Z',
        );
        const cy = shift(
          'cy',
          1,
          '2026-11-20T11:00:00.000Z',
          '2026-11-21T08:00:00.000Z',
        );
        const refs = ['a', 'b', 'c', 'd'].map(n => `component:default/${n}`);
        const pages: OnCallRefresh[][] = [
          refs.map(entityRef => ({
            entityRef,
            at: NOW,
            snapshot: snapshot({ current: [ana] }),
          })),
          [
            {
              entityRef: refs[0],
              at: later,
              snapshot: snapshot({ current: [cy] }),
            },
            {
              entityRef: refs[1],
              at: later,
              provider: 'fake',
              error: 'HTTP 500',
            },
            // The same shift twice in one page is stored once.
            {
              entityRef: refs[2],
              at: later,
              snapshot: snapshot({ current: [ana, ana] }),
            },
            {
              entityRef: refs[3],
              at: later,
              snapshot: snapshot({ current: [] }),
            },
          ],
        ];
        for (const page of pages) {
          await paged.saveRefreshes(page);
          for (const refresh of page) await perEntity.saveRefreshes([refresh]);
        }
        expect(await paged.getLatest(refs)).toEqual(
          await perEntity.getLatest(refs),
        );
        expect(sorted(await paged.getShifts(refs, NOW, until))).toEqual(
          sorted(await perEntity.getShifts(refs, NOW, until)),
        );
        // The shift reported twice in one snapshot is stored once.
        expect(
          (await paged.getShifts([refs[2]], NOW, until)).map(
            s => s.person.name,
          ),
        ).toEqual(['ana']);
      });

      it('fills the shift history of the entities that have none, once', async () => {
        const store = await createStore();
        const refs = ['a', 'b', 'c'].map(n => `component:default/${n}`);
        await store.saveRefreshes(
          refs.map(entityRef => ({ entityRef, at: NOW, snapshot: snapshot() })),
        );
        await store.recordShiftHistory(
          [
            {
              entityRef: refs[2],
              shifts: [
                shift(
                  'old',
                  1,
                  '2026-11-10T08:00:00.000Z',
                  '2026-11-11T08:00:00.000Z',
                ),
              ],
            },
          ],
          NOW,
        );
        // The first run: only the shifts in progress are recorded, except for c.
        expect(await store.refsWithFinishedShifts(refs, NOW)).toEqual(
          new Set([refs[2]]),
        );
        expect(await store.refsWithFinishedShifts([], NOW)).toEqual(new Set());

        const history = (name: string) => [
          shift(
            name,
            1,
            '2026-11-18T08:00:00.000Z',
            '2026-11-19T08:00:00.000Z',
          ),
          shift(
            name,
            1,
            '2026-11-19T08:00:00.000Z',
            '2026-11-20T08:00:00.000Z',
          ),
          // Not started yet: not recorded.
          shift(
            name,
            1,
            '2026-11-21T08:00:00.000Z',
            '2026-11-22T08:00:00.000Z',
          ),
        ];
        await store.recordShiftHistory(
          [
            { entityRef: refs[0], shifts: history('x') },
            { entityRef: refs[1], shifts: history('y') },
          ],
          NOW,
        );
        expect(await store.refsWithFinishedShifts(refs, NOW)).toEqual(
          new Set(refs),
        );
        const shifts = sorted(
          await store.getShifts(refs, new Date('2026-11-01'), until),
        );
        expect(
          shifts.map(s => [
            s.entityRef.slice(-1),
            s.person.name,
            s.start.toISOString(),
          ]),
        ).toEqual([
          ['a', 'x', '2026-11-18T08:00:00.000Z'],
          ['a', 'x', '2026-11-19T08:00:00.000Z'],
          ['a', 'ana', '2026-11-20T08:00:00.000Z'],
          ['b', 'y', '2026-11-18T08:00:00.000Z'],
          ['b', 'y', '2026-11-19T08:00:00.000Z'],
          ['b', 'ana', '2026-11-20T08:00:00.000Z'],
          ['c', 'old', '2026-11-10T08:00:00.000Z'],
          ['c', 'ana', '2026-11-20T08:00:00.000Z'],
        ]);
        // The history does not close the shifts in progress.
        expect(
          shifts
            .filter(s => s.person.name === 'ana')
            .map(s => s.end.toISOString()),
        ).toEqual(Array(3).fill('2026-11-21T08:00:00.000Z'));
      });
    });

    it('prunes old shifts and shifts of entities gone from the catalog', async () => {
      const store = await createStore();
      await store.recordShiftHistory(
        [
          {
            entityRef: 'component:default/a',
            shifts: [
              shift(
                'old',
                1,
                '2026-07-01T08:00:00.000Z',
                '2026-07-02T08:00:00.000Z',
              ),
              shift(
                'new',
                1,
                '2026-11-01T08:00:00.000Z',
                '2026-11-02T08:00:00.000Z',
              ),
            ],
          },
          {
            entityRef: 'component:default/gone',
            shifts: [
              shift(
                'x',
                1,
                '2026-11-01T08:00:00.000Z',
                '2026-11-02T08:00:00.000Z',
              ),
            ],
          },
        ],
        NOW,
      );
      const deleted = await store.pruneShifts(
        new Date('2026-08-22T00:00:00Z'),
        ['component:default/a'],
      );
      expect(deleted).toBe(2);
      const left = await store.getShifts(
        ['component:default/a', 'component:default/gone'],
        new Date('2026-01-01'),
        NOW,
      );
      expect(left.map(s => s.person.name)).toEqual(['new']);
    });
  },
);
