import { TestDatabases } from '@backstage/backend-test-utils';
import { ConflictError } from '@backstage/errors';
import { migrateDatabase } from '../../database/migrateDatabase';
import { NewExemption } from './ExemptionStore';
import { KnexExemptionStore } from './KnexExemptionStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

async function createStore(databaseId: Parameters<typeof databases.init>[0]) {
  const knex = await databases.init(databaseId);
  await migrateDatabase(knex);
  return { knex, store: new KnexExemptionStore({ knex }) };
}

const ref = 'component:default/orders';
const now = new Date('2026-12-01T12:00:00Z');
const DAY = 24 * 60 * 60 * 1000;
const at = (days: number) => new Date(now.getTime() + days * DAY);

function request(overrides: Partial<NewExemption> = {}): NewExemption {
  return {
    entityRef: ref,
    itemId: 'restore-tested',
    status: 'pending',
    justification: 'Stateless until the migration in Q1',
    requestedBy: 'user:default/alice',
    requestedAt: now.toISOString(),
    requestedExpiresAt: at(30).toISOString(),
    expiresAt: null,
    decidedBy: null,
    decidedAt: null,
    ...overrides,
  };
}

describe('KnexExemptionStore', () => {
  it.each(databases.eachSupportedId())(
    'keeps one open exemption per item, records decisions and grants active ones, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const pending = await store.insert(request(), now);
      expect(pending).toMatchObject({
        entityRef: ref,
        itemId: 'restore-tested',
        status: 'pending',
        requestedExpiresAt: at(30).toISOString(),
        expiresAt: null,
      });
      await expect(store.insert(request(), now)).rejects.toThrow(ConflictError);
      // Another item of the same entity is independent.
      await store.insert(request({ itemId: 'rollback' }), now);

      expect((await store.getOpen(ref, 'restore-tested', now))?.id).toBe(
        pending.id,
      );
      expect(await store.getActiveGrants(now, [ref])).toEqual(new Map());

      const approved = await store.decide(pending.id, {
        status: 'approved',
        decidedBy: 'user:default/sre',
        decidedAt: now,
        comment: 'OK until the migration',
        expiresAt: at(20),
      });
      expect(approved).toMatchObject({
        status: 'approved',
        decidedBy: 'user:default/sre',
        decisionComment: 'OK until the migration',
        expiresAt: at(20).toISOString(),
      });
      // Decided once only.
      expect(
        await store.decide(pending.id, {
          status: 'rejected',
          decidedBy: 'user:default/other',
          decidedAt: now,
          comment: null,
          expiresAt: null,
        }),
      ).toBeUndefined();

      expect(await store.getActiveGrants(now)).toEqual(
        new Map([
          [
            ref,
            {
              'restore-tested': {
                expiresAt: at(20).toISOString(),
                grantedBy: 'user:default/sre',
              },
            },
          ],
        ]),
      );
      expect(await store.getActiveGrants(at(20), [ref])).toEqual(new Map());
      expect((await store.list('active', now, 10)).map(e => e.id)).toEqual([
        pending.id,
      ]);
      expect((await store.list('pending', now, 10)).map(e => e.itemId)).toEqual(
        ['rollback'],
      );
      expect(await store.list('all', now, 10)).toHaveLength(2);
    },
  );

  it.each(databases.eachSupportedId())(
    'revokes at once or with notice, closes ended exemptions once and deletes old closed ones, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const a = await store.insert(
        request({
          itemId: 'rollback',
          status: 'approved',
          expiresAt: at(30).toISOString(),
          decidedBy: 'auto-approval',
          decidedAt: now.toISOString(),
        }),
        now,
      );
      const b = await store.insert(
        request({
          itemId: 'postmortems',
          status: 'approved',
          expiresAt: at(10).toISOString(),
          decidedBy: 'user:default/sre',
          decidedAt: now.toISOString(),
        }),
        now,
      );
      const c = await store.insert(request({ itemId: 'capacity-plan' }), now);

      // With notice: still open (and granted) until it ends.
      const notice = await store.revoke(a.id, {
        revokedBy: 'user:default/sre',
        revokedAt: now,
        reason: 'Migration done',
        endsAt: at(5),
      });
      expect(notice).toMatchObject({
        status: 'approved',
        expiresAt: at(5).toISOString(),
        revokeReason: 'Migration done',
      });
      expect((await store.getActiveGrants(at(4))).get(ref)).toHaveProperty(
        'rollback',
      );
      // Revoked once only.
      expect(
        await store.revoke(a.id, {
          revokedBy: 'user:default/x',
          revokedAt: now,
          reason: 'again',
          endsAt: now,
        }),
      ).toBeUndefined();
      // A pending request is withdrawn at once.
      expect(
        await store.revoke(c.id, {
          revokedBy: 'user:default/sre',
          revokedAt: now,
          reason: 'Asked by mistake',
          endsAt: now,
        }),
      ).toMatchObject({ status: 'revoked' });
      expect(await store.getOpen(ref, 'capacity-plan', now)).toBeUndefined();

      // Day 11: a (revoked with notice, ended day 5) and b (expired day 10) close, once.
      const closed = await store.closeEnded(at(11));
      expect(closed.map(e => e.id).sort()).toEqual([a.id, b.id].sort());
      expect(await store.closeEnded(at(11))).toEqual([]);
      // A new request for an item whose exemption ended is allowed.
      await store.insert(request({ itemId: 'postmortems' }), at(11));

      // Day 12: everything closed before day 6 goes (a ended day 5, c was revoked on day 0), b (day 10) stays.
      expect(await store.deleteClosedBefore(at(6))).toBe(2);
      expect(
        (await store.listForEntity(ref, 10)).map(e => [e.itemId, e.status]),
      ).toEqual([
        ['postmortems', 'pending'],
        ['postmortems', 'approved'],
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'lets a request replace an ended exemption that was not closed yet, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const lapsed = await store.insert(
        request({ requestedExpiresAt: at(1).toISOString() }),
        now,
      );
      const later = at(2);
      expect(await store.getOpen(ref, 'restore-tested', later)).toBeUndefined();
      const next = await store.insert(
        request({ requestedAt: later.toISOString() }),
        later,
      );
      expect(next.id).not.toBe(lapsed.id);
      expect((await store.getOpen(ref, 'restore-tested', later))?.id).toBe(
        next.id,
      );
    },
  );
});
