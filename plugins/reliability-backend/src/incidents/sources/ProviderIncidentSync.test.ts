import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { Incident } from '@internal/backstage-plugin-reliability-common';
import {
  IncidentProvider,
  IncidentsRequest,
  ProviderBudgetTally,
  ProviderHttpError,
  signalDeadline,
  signalWaitLimit,
} from '@internal/backstage-plugin-reliability-node';
import { migrateDatabase } from '../../database/migrateDatabase';
import {
  daysAgo,
  incident,
  NOW,
  serviceEntity,
} from '../__testUtils__/incidentFixtures';
import { KnexIncidentStore } from '../store/KnexIncidentStore';
import {
  ProviderIncidentSync,
  sanitizeProviderIncident,
} from './ProviderIncidentSync';

jest.setTimeout(30_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const REF = 'component:default/checkout-api';
const entity = serviceEntity('checkout-api', {
  'pagerduty.com/service-id': 'PSVC1',
});

function provider(
  answer: (request: IncidentsRequest) => Promise<Incident[]>,
): IncidentProvider & { requests: IncidentsRequest[] } {
  const requests: IncidentsRequest[] = [];
  return {
    id: 'pagerduty',
    requests,
    supports: e =>
      Boolean(e.metadata.annotations?.['pagerduty.com/service-id']),
    getIncidents: async request => {
      requests.push(request);
      return answer(request);
    },
  };
}

async function setup(p: IncidentProvider, now: () => Date = () => NOW) {
  const knex = await databases.init('SQLITE_3');
  await migrateDatabase(knex);
  const store = new KnexIncidentStore({ knex });
  const logger = mockServices.logger.mock();
  const sync = new ProviderIncidentSync({
    providers: [p],
    store,
    logger,
    now,
    windowDays: 90,
    timeoutMs: 50,
  });
  return { store, sync, logger };
}

describe('sanitizeProviderIncident', () => {
  it('stores the provider id as source, http(s) links only and normalised times', () => {
    expect(
      sanitizeProviderIncident('pagerduty', {
        ...incident('Q1'),
        source: 'other',
        // eslint-disable-next-line no-script-url
        url: 'javascript:alert(1)',
        startedAt: '2026-11-27T12:00:00+01:00',
        title: `  ${'x'.repeat(600)}`,
      }),
    ).toMatchObject({
      source: 'pagerduty',
      url: null,
      startedAt: '2026-11-27T11:00:00.000Z',
      title: 'x'.repeat(500),
    });
  });

  it.each([
    ['an invalid id', { id: 'has space' }],
    ['an unknown severity', { severity: 'critical' }],
    ['an unknown status', { status: 'closed' }],
    ['no valid start', { startedAt: 'yesterday' }],
  ])('drops an incident with %s', (_, overrides) => {
    expect(
      sanitizeProviderIncident('pagerduty', {
        ...incident('Q1'),
        ...(overrides as Partial<Incident>),
      }),
    ).toBeUndefined();
  });

  it('keeps the resolution only of resolved incidents', () => {
    expect(
      sanitizeProviderIncident('pagerduty', {
        ...incident('Q1'),
        status: 'acknowledged',
      })?.resolvedAt,
    ).toBeNull();
  });
});

describe('ProviderIncidentSync', () => {
  it('reads 90 days first, then from a day before the last read or the earliest open incident', async () => {
    let now = NOW;
    const p = provider(async () => [
      incident('OPEN', {
        startedDaysAgo: 30,
        status: 'acknowledged',
        resolvedAt: null,
      }),
      incident('DONE', { startedDaysAgo: 2 }),
    ]);
    const { sync, store } = await setup(p, () => now);
    expect(await sync.sync(entity)).toEqual({ read: 2, failed: 0 });
    expect(p.requests[0]).toMatchObject({
      entity,
      from: new Date(daysAgo(90)),
      to: NOW,
    });

    now = new Date(NOW.getTime() + 3600_000);
    await sync.sync(entity);
    // The open incident started 30 days ago: the read goes back to it.
    expect(p.requests[1].from).toEqual(new Date(daysAgo(30)));

    await store.upsertIncidents(
      REF,
      [incident('OPEN', { source: 'pagerduty', startedDaysAgo: 30 })],
      now,
    );
    await sync.sync(entity);
    // Nothing open: a day before the previous read.
    expect(p.requests[2].from).toEqual(
      new Date(NOW.getTime() + 3600_000 - 86_400_000),
    );
  });

  it('records a failure as the source error, keeps what was read before and never throws', async () => {
    let fail = false;
    const p = provider(async () => {
      if (fail) {
        throw new ProviderHttpError(
          'PagerDuty',
          'PagerDuty answered HTTP 503',
          503,
        );
      }
      return [incident('Q1', { startedDaysAgo: 5 })];
    });
    const { sync, store, logger } = await setup(p);
    await sync.sync(entity);
    fail = true;
    expect(await sync.sync(entity)).toEqual({ read: 0, failed: 1 });
    expect(await store.listSyncs(REF)).toEqual([
      {
        source: 'pagerduty',
        syncedAt: NOW,
        checkedAt: NOW,
        error: 'PagerDuty answered HTTP 503',
      },
    ]);
    expect(
      (await store.listIncidents(REF, new Date(0))).map(i => i.id),
    ).toEqual(['Q1']);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('from the pagerduty provider failed'),
    );
  });

  it('gives every read a deadline', async () => {
    const p = provider(
      request =>
        new Promise((_, reject) =>
          request.signal?.addEventListener('abort', () =>
            reject(new Error('The read was aborted')),
          ),
        ),
    );
    const { sync, store } = await setup(p);
    expect(await sync.sync(entity)).toEqual({ read: 0, failed: 1 });
    expect((await store.listSyncs(REF))[0].error).toBe('The read was aborted');
  });

  it("waits for vendor budget turns no longer than the read's timeout and the refresh cycle's end", async () => {
    const p = provider(async () => []);
    // The sync's reads time out after 50 ms.
    const { sync } = await setup(p);
    const cycleEnd = Date.now() + 20;
    await sync.sync(
      entity,
      undefined,
      new ProviderBudgetTally({ waitUntil: cycleEnd }),
    );
    expect(signalWaitLimit(p.requests[0].signal)).toBe(cycleEnd);
    expect(signalDeadline(p.requests[0].signal)).toBeGreaterThan(cycleEnd);

    // Without a cycle's end (or a later one), the read's timeout is the limit.
    await sync.sync(entity, undefined, new ProviderBudgetTally());
    await sync.sync(
      entity,
      undefined,
      new ProviderBudgetTally({ waitUntil: Date.now() + 3_600_000 }),
    );
    for (const { signal } of p.requests.slice(1)) {
      expect(signalWaitLimit(signal)).toBe(signalDeadline(signal));
    }
  });

  it('leaves entities no provider serves alone', async () => {
    const p = provider(async () => []);
    const { sync } = await setup(p);
    expect(await sync.sync(serviceEntity('plain'))).toEqual({
      read: 0,
      failed: 0,
    });
    expect(p.requests).toEqual([]);
  });
});
