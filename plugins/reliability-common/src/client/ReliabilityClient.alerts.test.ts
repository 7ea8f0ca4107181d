import { ResponseError } from '@backstage/errors';
import { http, HttpResponse } from 'msw';
import { AlertsCoverageResponse, EntityAlertsResponse } from '../alerts/types';
import {
  MSW_BASE_URL,
  setupMswTestClient,
} from './__testUtils__/mswTestClient';

const BASE = MSW_BASE_URL;
const ENTITY = `${BASE}/entities/component/default/checkout-api`;
const { server, client } = setupMswTestClient();
const ref = { kind: 'Component', namespace: 'default', name: 'checkout-api' };

const alerts: EntityAlertsResponse = {
  entityRef: 'component:default/checkout-api',
  windowDays: 30,
  alerts: [],
  coverage: { pagingAlerts: 0, pagingWithRunbook: 0, ratio: null },
  noisy: [],
  gaps: [],
  sources: [],
  noiseRule: { minFirings: 5, quickResolveMinutes: 15, quickShare: 0.8 },
  stale: false,
  generatedAt: '2026-11-30T12:00:00.000Z',
};

const coverage: AlertsCoverageResponse = {
  owner: 'group:default/checkout-payments',
  windowDays: 30,
  coverage: { pagingAlerts: 4, pagingWithRunbook: 3, ratio: 0.75 },
  entities: [],
  noisy: [],
  gaps: [],
  sources: [],
  pages: { windowDays: 30, count: 7, pagingAlerts: 4 },
  generatedAt: '2026-11-30T12:00:00.000Z',
};

describe('ReliabilityClient alerts', () => {
  it('gets the alerts of an entity and the coverage of a team and of the organisation', async () => {
    const owners: Array<string | null> = [];
    server.use(
      http.get(`${ENTITY}/alerts`, () => HttpResponse.json(alerts)),
      http.get(`${BASE}/alerts/coverage`, ({ request }) => {
        owners.push(new URL(request.url).searchParams.get('owner'));
        return HttpResponse.json(coverage);
      }),
    );
    expect(await client.getEntityAlerts(ref)).toEqual(alerts);
    expect(
      await client.getAlertsCoverage({
        owner: 'group:default/checkout-payments',
      }),
    ).toEqual(coverage);
    await client.getAlertsCoverage();
    expect(owners).toEqual(['group:default/checkout-payments', null]);
  });

  it('posts alerts as JSON and surfaces refusals as ResponseError', async () => {
    let received: unknown;
    server.use(
      http.post(`${ENTITY}/alerts`, async ({ request }) => {
        received = await request.json();
        return HttpResponse.json({
          entityRef: alerts.entityRef,
          alerts: 1,
          firings: 0,
          removed: 0,
        });
      }),
    );
    const request = {
      alerts: [
        {
          id: 'HighErrors',
          name: 'HighErrors',
          state: 'ok' as const,
          pages: true,
        },
      ],
    };
    expect(await client.reportAlerts(ref, request)).toEqual({
      entityRef: alerts.entityRef,
      alerts: 1,
      firings: 0,
      removed: 0,
    });
    expect(received).toEqual(request);

    server.use(
      http.post(`${ENTITY}/alerts`, () =>
        HttpResponse.json(
          { error: { name: 'NotAllowedError', message: 'Not allowed' } },
          { status: 403 },
        ),
      ),
    );
    await expect(client.reportAlerts(ref, request)).rejects.toBeInstanceOf(
      ResponseError,
    );
  });
});
