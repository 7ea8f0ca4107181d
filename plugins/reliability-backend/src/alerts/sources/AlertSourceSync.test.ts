import { AlertSource } from '@internal/backstage-plugin-reliability-node';
import {
  entity,
  hoursAgo,
  NOW,
  sourceAlert,
} from '../__testUtils__/alertFixtures';
import { createTestAlertsArea } from '../__testUtils__/testAlertService';
import { AlertEntityMapper } from '../mapping/AlertEntityMapper';
import { NO_ENTITY } from '../store/AlertStore';
import { AlertSourceSync } from './AlertSourceSync';

function mapper() {
  const m = new AlertEntityMapper({ label: 'service' });
  m.add([entity('Component', 'checkout-api'), entity('Resource', 'orders-db')]);
  return m;
}

describe('AlertSourceSync', () => {
  it('maps the inventory of a source to entities and stores the firings it reports', async () => {
    const source: AlertSource = {
      id: 'prometheus',
      getInventory: async ({ from, to }) => {
        expect(to).toEqual(NOW);
        expect(from).toEqual(new Date(hoursAgo(30 * 24)));
        return {
          alerts: [
            sourceAlert('api/HighErrors', {
              labels: { service: 'checkout-api' },
            }),
            sourceAlert('db/Lag', {
              labels: { service: 'resource:default/orders-db' },
            }),
            sourceAlert('node/DiskFull', { labels: { instance: 'n1' } }),
            sourceAlert('bad id with spaces'),
            sourceAlert('api/HighErrors'),
          ],
          firings: [
            {
              alertId: 'api/HighErrors',
              startedAt: hoursAgo(3),
              resolvedAt: hoursAgo(2),
            },
            {
              alertId: 'unknown/Alert',
              startedAt: hoursAgo(3),
              resolvedAt: null,
            },
          ],
        };
      },
    };
    const { sync, store, logger } = await createTestAlertsArea({
      sources: [source],
    });
    await expect(sync.syncAll(mapper())).resolves.toEqual([
      { source: 'prometheus', ok: true, alerts: 3, unowned: 1, firings: 1 },
    ]);
    expect(logger.warn).toHaveBeenCalledWith(
      'Ignored 2 invalid or repeated alerts of the prometheus alert source',
    );
    const rows = await store.listAlerts([
      'component:default/checkout-api',
      'resource:default/orders-db',
      NO_ENTITY,
    ]);
    expect(rows.map(r => [r.entityRef, r.id])).toEqual([
      ['', 'node/DiskFull'],
      ['component:default/checkout-api', 'api/HighErrors'],
      ['resource:default/orders-db', 'db/Lag'],
    ]);
    expect(
      await store.listFirings(
        { source: 'prometheus', scope: NO_ENTITY },
        ['api/HighErrors', 'unknown/Alert'],
        new Date(0),
      ),
    ).toEqual(
      new Map([
        [
          'api/HighErrors',
          [
            {
              alertId: 'api/HighErrors',
              startedAt: hoursAgo(3),
              resolvedAt: hoursAgo(2),
            },
          ],
        ],
      ]),
    );
  });

  it('keeps the last inventory of a failing source and records its error (stale, never empty)', async () => {
    let fail = false;
    const source: AlertSource = {
      id: 'datadog',
      getInventory: async () => {
        if (fail) throw new Error('Datadog answered HTTP 503');
        return {
          alerts: [sourceAlert('123', { labels: { service: 'checkout-api' } })],
        };
      },
    };
    const { sync, store } = await createTestAlertsArea({ sources: [source] });
    await sync.syncAll(mapper());
    fail = true;
    await expect(sync.syncAll(mapper())).resolves.toEqual([
      { source: 'datadog', ok: false, error: 'Datadog answered HTTP 503' },
    ]);
    expect(
      (await store.listAlerts(['component:default/checkout-api'])).map(
        a => a.id,
      ),
    ).toEqual(['123']);
    expect(await store.listSyncs()).toEqual([
      {
        source: 'datadog',
        syncedAt: NOW,
        checkedAt: NOW,
        error: 'Datadog answered HTTP 503',
      },
    ]);
  });

  it('records firings from the states of a source without history', async () => {
    let now = new Date(hoursAgo(2));
    let state: 'firing' | 'ok' = 'firing';
    const source: AlertSource = {
      id: 'datadog',
      getInventory: async () => ({
        alerts: [
          sourceAlert('1', { state, firingSince: hoursAgo(3) }),
          sourceAlert('2', { state: 'no-data' }),
        ],
      }),
    };
    const { sync, store } = await createTestAlertsArea({
      sources: [source],
      now: () => now,
    });
    await sync.syncAll(mapper());
    // Seen firing again: the same firing, not a second one.
    now = new Date(hoursAgo(1));
    await sync.syncAll(mapper());
    now = NOW;
    state = 'ok';
    await sync.syncAll(mapper());
    expect(
      await store.listFirings(
        { source: 'datadog', scope: NO_ENTITY },
        ['1', '2'],
        new Date(0),
      ),
    ).toEqual(
      new Map([
        [
          '1',
          [
            {
              alertId: '1',
              startedAt: hoursAgo(3),
              resolvedAt: NOW.toISOString(),
            },
          ],
        ],
      ]),
    );
  });

  it('gives up on a source that does not answer in time', async () => {
    const source: AlertSource = {
      id: 'slow',
      getInventory: ({ signal }) =>
        new Promise((_resolve, reject) =>
          signal?.addEventListener('abort', () =>
            reject(new Error('aborted: timeout')),
          ),
        ),
    };
    const area = await createTestAlertsArea({ sources: [source] });
    const sync = new AlertSourceSync({
      sources: [source],
      store: area.store,
      logger: area.logger,
      now: () => NOW,
      timeoutMs: 50,
    });
    await expect(sync.syncAll(mapper())).resolves.toEqual([
      { source: 'slow', ok: false, error: 'aborted: timeout' },
    ]);
  });
});
