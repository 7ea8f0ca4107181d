import { ResponseError } from '@backstage/errors';
import { http, HttpResponse } from 'msw';
import { EntityIncidentsResponse } from '../incidents/api';
import {
  MSW_BASE_URL,
  setupMswTestClient,
} from './__testUtils__/mswTestClient';

const BASE = MSW_BASE_URL;
const ENTITY = `${BASE}/entities/component/default/checkout-api`;
const { server, client } = setupMswTestClient();
const ref = { kind: 'Component', namespace: 'default', name: 'checkout-api' };

const incidents: EntityIncidentsResponse = {
  entityRef: 'component:default/checkout-api',
  windowDays: 90,
  incidents: [],
  bySeverity: [],
  sources: [],
  postmortemPolicy: { severity: 'sev2', businessDays: 5, timeZone: 'UTC' },
  generatedAt: '2026-11-30T12:00:00.000Z',
};

describe('ReliabilityClient incidents', () => {
  it('gets the incidents and the postmortems of an entity', async () => {
    server.use(
      http.get(`${ENTITY}/incidents`, () => HttpResponse.json(incidents)),
      http.get(`${ENTITY}/postmortems`, () =>
        HttpResponse.json({ entityRef: incidents.entityRef, postmortems: [] }),
      ),
    );
    expect(await client.getEntityIncidents(ref)).toEqual(incidents);
    expect(await client.getEntityPostmortems(ref)).toEqual({
      entityRef: incidents.entityRef,
      postmortems: [],
    });
  });

  it('posts incidents as JSON', async () => {
    let received: unknown;
    let contentType: string | null = null;
    server.use(
      http.post(`${ENTITY}/incidents`, async ({ request }) => {
        contentType = request.headers.get('content-type');
        received = await request.json();
        return HttpResponse.json({
          entityRef: incidents.entityRef,
          written: 1,
        });
      }),
    );
    const request = {
      incidents: [
        {
          id: 'INC-1',
          title: 'Checkout errors',
          severity: 'SEV-2',
          status: 'resolved' as const,
          startedAt: '2026-11-27T09:00:00Z',
          resolvedAt: '2026-11-27T10:00:00Z',
        },
      ],
    };
    expect(await client.reportIncidents(ref, request)).toEqual({
      entityRef: incidents.entityRef,
      written: 1,
    });
    expect(contentType).toBe('application/json');
    expect(received).toEqual(request);
  });

  it('throws a ResponseError with the backend message', async () => {
    server.use(
      http.post(`${ENTITY}/incidents`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'NotAllowedError',
              message:
                'Not allowed to write incidents for component:default/checkout-api',
            },
            response: { statusCode: 403 },
          },
          { status: 403 },
        ),
      ),
      http.get(`${ENTITY}/postmortems`, () =>
        HttpResponse.json(
          {
            error: { name: 'NotFoundError', message: 'No entity' },
            response: { statusCode: 404 },
          },
          { status: 404 },
        ),
      ),
    );
    const denied = await client
      .reportIncidents(ref, { incidents: [] })
      .catch(e => e);
    expect(denied).toBeInstanceOf(ResponseError);
    expect(denied.statusCode).toBe(403);
    expect(denied.body.error.message).toBe(
      'Not allowed to write incidents for component:default/checkout-api',
    );
    const missing = await client.getEntityPostmortems(ref).catch(e => e);
    expect(missing).toBeInstanceOf(ResponseError);
    expect(missing.statusCode).toBe(404);
  });

  it("gets a team's and the organisation's postmortem follow-up", async () => {
    const owners: Array<string | null> = [];
    server.use(
      http.get(`${BASE}/incidents/follow-up`, ({ request }) => {
        const owner = new URL(request.url).searchParams.get('owner');
        owners.push(owner);
        return HttpResponse.json({ owner, teams: [] });
      }),
    );
    expect(
      await client.getIncidentFollowUp({
        owner: 'group:default/checkout-payments',
      }),
    ).toEqual({ owner: 'group:default/checkout-payments', teams: [] });
    await client.getIncidentFollowUp();
    expect(owners).toEqual(['group:default/checkout-payments', null]);
  });
});
