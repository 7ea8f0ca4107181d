import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { Entity } from '@backstage/catalog-model';
import {
  ProviderHttpError,
  ProviderResponseError,
} from '@internal/backstage-plugin-reliability-node';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { createOpsgenieClient } from './createOpsgenieClient';
import { OpsgenieIncidentProvider } from './OpsgenieIncidentProvider';

const API = 'https://api.opsgenie.test';
const server = setupServer();
registerMswTestHooks(server);

const FROM = new Date('2026-09-01T00:00:00.000Z');
const TO = new Date('2026-11-30T12:00:00.000Z');
const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'checkout',
    annotations: { 'opsgenie.com/team': 'Payments' },
  },
  spec: {},
};

function provider() {
  const client = createOpsgenieClient(
    new ConfigReader({
      reliability: {
        opsgenie: { apiBaseUrl: API, apiKey: 'genie-key', maxRetries: 1 },
      },
    }),
    { sleep: async () => {} },
  )!;
  return new OpsgenieIncidentProvider(client);
}

const envelope = (data: unknown, extra: object = {}) => ({
  data,
  took: 0.02,
  requestId: 'req-1',
  ...extra,
});

const teamHandler = http.get(`${API}/v2/teams/Payments`, ({ request }) => {
  // Answers only the documented request shape; anything else gets a 400 the tests would see.
  if (
    new URL(request.url).searchParams.get('identifierType') !== 'name' ||
    request.headers.get('authorization') !== 'GenieKey genie-key'
  ) {
    return HttpResponse.json({ message: 'unexpected request' }, { status: 400 });
  }
  return HttpResponse.json(
    envelope({ id: 'team-1', name: 'Payments', description: '', members: [] }),
  );
});

/** An incident as GET /v1/incidents lists it. */
function ogIncident(
  n: number,
  createdAt: string,
  extra: Record<string, unknown> = {},
) {
  return {
    id: `inc-${n}`,
    tinyId: String(n),
    message: `Checkout incident ${n}`,
    status: 'resolved',
    tags: [],
    createdAt,
    updatedAt: createdAt.replace('T08', 'T11'),
    priority: 'P2',
    ownerTeam: 'team-1',
    responders: [{ type: 'team', id: 'team-1' }],
    extraProperties: {},
    links: {
      web: `https://acme.app.opsgenie.com/incident/detail/inc-${n}`,
      api: `${API}/v1/incidents/inc-${n}`,
    },
    impactStartDate: createdAt,
    impactEndDate: createdAt.replace('T08', 'T10'),
    actions: [],
    ...extra,
  };
}

/** 100 incidents of another team, newest first, created on the given day. */
function otherTeamPage(day: string) {
  return Array.from({ length: 100 }, (_, i) =>
    ogIncident(
      1000 + i,
      `${day}T08:${String(59 - (i % 60)).padStart(2, '0')}:00Z`,
      {
        ownerTeam: 'team-2',
        responders: [{ type: 'team', id: 'team-2' }],
      },
    ),
  );
}

describe('OpsgenieIncidentProvider', () => {
  it('pages through the incidents newest first until the interval start and keeps the team ones', async () => {
    const offsets: string[] = [];
    server.use(
      teamHandler,
      http.get(`${API}/v1/incidents`, ({ request }) => {
        const query = new URL(request.url).searchParams;
        offsets.push(query.get('offset')!);
        expect(query.get('limit')).toBe('100');
        expect(query.get('sort')).toBe('createdAt');
        expect(query.get('order')).toBe('desc');
        const next = (offset: number) =>
          `${API}/v1/incidents?offset=${offset}&limit=100&sort=createdAt&order=desc`;
        if (query.get('offset') === '0') {
          return HttpResponse.json(
            envelope(
              [
                ogIncident(3, '2026-11-28T08:00:00Z', {
                  status: 'open',
                  priority: 'P1',
                  impactEndDate: null,
                }),
                // A responder, not the owner: still the team's incident.
                ogIncident(2, '2026-11-20T08:00:00Z', {
                  ownerTeam: 'team-9',
                  status: 'closed',
                  impactEndDate: null,
                  // eslint-disable-next-line no-script-url -- proves script URLs are dropped
                  links: { web: 'javascript:alert(1)' },
                }),
                ...otherTeamPage('2026-11-10').slice(0, 98),
              ],
              { paging: { next: next(100), first: next(0) } },
            ),
          );
        }
        return HttpResponse.json(
          envelope(
            [
              ogIncident(1, '2026-10-01T08:00:00Z', { priority: 'P5' }),
              // Before the interval: the last page read.
              ogIncident(0, '2026-08-01T08:00:00Z'),
            ],
            { paging: { first: next(0) } },
          ),
        );
      }),
    );

    const incidents = await provider().getIncidents({
      entity,
      from: FROM,
      to: TO,
    });
    expect(offsets).toEqual(['0', '100']);
    expect(incidents).toEqual([
      {
        id: 'inc-3',
        source: 'opsgenie',
        title: 'Checkout incident 3',
        severity: 'sev1',
        status: 'triggered',
        startedAt: '2026-11-28T08:00:00Z',
        acknowledgedAt: null,
        resolvedAt: null,
        url: 'https://acme.app.opsgenie.com/incident/detail/inc-3',
      },
      {
        id: 'inc-2',
        source: 'opsgenie',
        title: 'Checkout incident 2',
        severity: 'sev2',
        status: 'resolved',
        startedAt: '2026-11-20T08:00:00Z',
        acknowledgedAt: null,
        // No impact end: the last update of the closed incident.
        resolvedAt: '2026-11-20T11:00:00Z',
        url: null,
      },
      {
        id: 'inc-1',
        source: 'opsgenie',
        title: 'Checkout incident 1',
        severity: 'sev5',
        status: 'resolved',
        startedAt: '2026-10-01T08:00:00Z',
        acknowledgedAt: null,
        resolvedAt: '2026-10-01T10:00:00Z',
        url: 'https://acme.app.opsgenie.com/incident/detail/inc-1',
      },
    ]);
  });

  it('stops paging as soon as a page reaches before the interval', async () => {
    const offsets: string[] = [];
    server.use(
      teamHandler,
      http.get(`${API}/v1/incidents`, ({ request }) => {
        offsets.push(new URL(request.url).searchParams.get('offset')!);
        return HttpResponse.json(
          envelope(otherTeamPage('2026-08-15'), {
            paging: { next: `${API}/v1/incidents?offset=100` },
          }),
        );
      }),
    );
    expect(
      await provider().getIncidents({ entity, from: FROM, to: TO }),
    ).toEqual([]);
    expect(offsets).toEqual(['0']);
  });

  it('names an unknown team, retries 5xx and fails with typed errors', async () => {
    server.use(
      http.get(`${API}/v2/teams/Payments`, () =>
        HttpResponse.json(
          { message: 'No team exists with name [Payments]', took: 0.01 },
          { status: 404 },
        ),
      ),
    );
    const missing = await provider()
      .getIncidents({ entity, from: FROM, to: TO })
      .catch(e => e);
    expect(missing).toBeInstanceOf(ProviderHttpError);
    expect(missing.message).toContain("Opsgenie team 'Payments' not found");

    let calls = 0;
    server.use(
      teamHandler,
      http.get(`${API}/v1/incidents`, () => {
        calls += 1;
        return HttpResponse.json(
          { message: 'Internal error', took: 0.01 },
          { status: 503 },
        );
      }),
    );
    const unavailable = await provider()
      .getIncidents({ entity, from: FROM, to: TO })
      .catch(e => e);
    expect(unavailable).toBeInstanceOf(ProviderHttpError);
    expect(unavailable.status).toBe(503);
    expect(calls).toBe(2);

    server.use(
      teamHandler,
      http.get(`${API}/v1/incidents`, () =>
        HttpResponse.json(envelope([{ id: 'x' }])),
      ),
    );
    await expect(
      provider().getIncidents({ entity, from: FROM, to: TO }),
    ).rejects.toBeInstanceOf(ProviderResponseError);
  });

  it('serves only annotated entities', () => {
    const p = provider();
    expect(p.supports(entity)).toBe(true);
    expect(p.supports({ ...entity, metadata: { name: 'x' } })).toBe(false);
  });
});
