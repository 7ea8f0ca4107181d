import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { Entity } from '@backstage/catalog-model';
import {
  ProviderHttpError,
  ProviderResponseError,
} from '@internal/backstage-plugin-reliability-node';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { createPagerDutyClient } from './createPagerDutyClient';
import {
  PagerDutyIncidentProvider,
  pagerDutySeverity,
} from './PagerDutyIncidentProvider';

const API = 'https://api.pagerduty.test';
const server = setupServer();
registerMswTestHooks(server);

const FROM = new Date('2026-09-01T00:00:00.000Z');
const TO = new Date('2026-11-30T12:00:00.000Z');
const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'checkout',
    annotations: { 'pagerduty.com/service-id': 'PSVC123' },
  },
  spec: {},
};

function provider() {
  const client = createPagerDutyClient(
    new ConfigReader({
      reliability: {
        pagerduty: { apiBaseUrl: API, token: 'secret-token', maxRetries: 1 },
      },
    }),
    { sleep: async () => {} },
  )!;
  return new PagerDutyIncidentProvider(client);
}

/** An incident as GET /incidents lists it (REST API v2). */
function pdIncident(
  id: string,
  number: number,
  status: 'triggered' | 'acknowledged' | 'resolved',
  extra: Record<string, unknown> = {},
) {
  return {
    id,
    type: 'incident',
    summary: `[#${number}] Checkout errors ${number}`,
    self: `${API}/incidents/${id}`,
    html_url: `https://acme.pagerduty.com/incidents/${id}`,
    incident_number: number,
    title: `Checkout errors ${number}`,
    created_at: `2026-11-${String(10 + (number % 10)).padStart(
      2,
      '0',
    )}T08:00:00Z`,
    status,
    incident_key: `key-${id}`,
    service: { id: 'PSVC123', type: 'service_reference', summary: 'Checkout' },
    assignments: [],
    last_status_change_at: `2026-11-${String(10 + (number % 10)).padStart(
      2,
      '0',
    )}T09:30:00Z`,
    urgency: 'high',
    priority: null,
    ...extra,
  };
}

function logEntry(type: string, createdAt: string) {
  return {
    id: `L-${type}-${createdAt}`,
    type,
    summary: type,
    created_at: createdAt,
    agent: { id: 'PUSR1', type: 'user_reference' },
  };
}

describe('PagerDutyIncidentProvider', () => {
  it('reads the service incidents page by page, with acknowledge and resolve times from log entries', async () => {
    const listQueries: URLSearchParams[] = [];
    const logReads: string[] = [];
    const first = [
      pdIncident('Q1', 1, 'resolved', {
        priority: { id: 'PP1', type: 'priority', summary: 'P1', name: 'P1' },
      }),
      pdIncident('Q2', 2, 'acknowledged', { urgency: 'low' }),
    ];
    const second = [
      // eslint-disable-next-line no-script-url -- proves script URLs are dropped
      pdIncident('Q3', 3, 'triggered', { html_url: 'javascript:alert(1)' }),
    ];
    server.use(
      http.get(`${API}/incidents`, ({ request }) => {
        expect(request.headers.get('authorization')).toBe(
          'Token token=secret-token',
        );
        const query = new URL(request.url).searchParams;
        listQueries.push(query);
        const offset = Number(query.get('offset'));
        return HttpResponse.json({
          incidents: offset === 0 ? first : second,
          limit: 100,
          offset,
          more: offset === 0,
          total: null,
        });
      }),
      http.get(`${API}/incidents/:id/log_entries`, ({ params, request }) => {
        const id = String(params.id);
        logReads.push(id);
        expect(new URL(request.url).searchParams.get('is_overview')).toBe(
          'true',
        );
        const offset = Number(new URL(request.url).searchParams.get('offset'));
        if (id === 'Q1' && offset === 0) {
          // Newest first, as PagerDuty lists them; a second page holds the first acknowledgement.
          return HttpResponse.json({
            log_entries: [
              logEntry('resolve_log_entry', '2026-11-11T09:30:00Z'),
              logEntry('acknowledge_log_entry', '2026-11-11T08:09:00Z'),
            ],
            limit: 2,
            offset: 0,
            more: true,
          });
        }
        if (id === 'Q1') {
          return HttpResponse.json({
            log_entries: [
              logEntry('acknowledge_log_entry', '2026-11-11T08:04:00Z'),
              logEntry('trigger_log_entry', '2026-11-11T08:00:00Z'),
            ],
            limit: 2,
            offset: 2,
            more: false,
          });
        }
        return HttpResponse.json({
          log_entries: [
            logEntry('acknowledge_log_entry', '2026-11-12T08:02:00Z'),
            logEntry('trigger_log_entry', '2026-11-12T08:00:00Z'),
          ],
          limit: 100,
          offset: 0,
          more: false,
        });
      }),
    );

    const incidents = await provider().getIncidents({
      entity,
      from: FROM,
      to: TO,
    });

    expect(listQueries).toHaveLength(2);
    expect(Object.fromEntries(listQueries[0])).toEqual({
      'service_ids[]': 'PSVC123',
      since: FROM.toISOString(),
      until: TO.toISOString(),
      time_zone: 'UTC',
      sort_by: 'created_at:desc',
      limit: '100',
      offset: '0',
    });
    expect(listQueries[1].get('offset')).toBe('2');
    // No log entries are needed for a triggered incident.
    expect(logReads).toEqual(['Q1', 'Q1', 'Q2']);
    expect(incidents).toEqual([
      {
        id: 'Q1',
        source: 'pagerduty',
        title: 'Checkout errors 1',
        severity: 'sev1',
        status: 'resolved',
        startedAt: '2026-11-11T08:00:00Z',
        acknowledgedAt: '2026-11-11T08:04:00Z',
        resolvedAt: '2026-11-11T09:30:00Z',
        url: 'https://acme.pagerduty.com/incidents/Q1',
      },
      {
        id: 'Q2',
        source: 'pagerduty',
        title: 'Checkout errors 2',
        severity: 'sev4',
        status: 'acknowledged',
        startedAt: '2026-11-12T08:00:00Z',
        acknowledgedAt: '2026-11-12T08:02:00Z',
        resolvedAt: null,
        url: 'https://acme.pagerduty.com/incidents/Q2',
      },
      {
        id: 'Q3',
        source: 'pagerduty',
        title: 'Checkout errors 3',
        severity: 'sev2',
        status: 'triggered',
        startedAt: '2026-11-13T08:00:00Z',
        acknowledgedAt: null,
        resolvedAt: null,
        // Not http(s): dropped.
        url: null,
      },
    ]);
  });

  it('falls back to the last status change when a resolved incident has no resolve entry', async () => {
    server.use(
      http.get(`${API}/incidents`, () =>
        HttpResponse.json({
          incidents: [pdIncident('Q9', 9, 'resolved')],
          limit: 100,
          offset: 0,
          more: false,
        }),
      ),
      http.get(`${API}/incidents/Q9/log_entries`, () =>
        HttpResponse.json({
          log_entries: [],
          limit: 100,
          offset: 0,
          more: false,
        }),
      ),
    );
    const [incident] = await provider().getIncidents({
      entity,
      from: FROM,
      to: TO,
    });
    expect(incident).toMatchObject({
      resolvedAt: '2026-11-19T09:30:00Z',
      acknowledgedAt: null,
    });
  });

  it('maps priorities and urgencies to severities', () => {
    const base = pdIncident('Q', 1, 'resolved');
    expect(
      pagerDutySeverity({ ...base, priority: { summary: 'P3', name: 'P3' } }),
    ).toBe('sev3');
    expect(
      pagerDutySeverity({
        ...base,
        priority: { summary: 'Critical', name: 'Critical' },
      }),
    ).toBe('sev2');
    expect(pagerDutySeverity({ ...base, urgency: 'low' })).toBe('sev4');
  });

  it('names the service in a 404 and fails with typed errors', async () => {
    server.use(
      http.get(`${API}/incidents`, () =>
        HttpResponse.json(
          { error: { message: 'Not Found', code: 2100 } },
          { status: 404 },
        ),
      ),
    );
    const notFound = await provider()
      .getIncidents({ entity, from: FROM, to: TO })
      .catch(e => e);
    expect(notFound).toBeInstanceOf(ProviderHttpError);
    expect(notFound.message).toContain('PagerDuty service PSVC123 not found');

    let calls = 0;
    server.use(
      http.get(`${API}/incidents`, () => {
        calls += 1;
        return HttpResponse.json(
          { error: { message: 'Rate limit exceeded', code: 2020 } },
          { status: 429 },
        );
      }),
    );
    const limited = await provider()
      .getIncidents({ entity, from: FROM, to: TO })
      .catch(e => e);
    expect(limited).toBeInstanceOf(ProviderHttpError);
    expect(limited.status).toBe(429);
    // One retry (maxRetries: 1), then the error.
    expect(calls).toBe(2);

    server.use(
      http.get(`${API}/incidents`, () =>
        HttpResponse.json({ incidents: [{ id: 'Q1' }] }),
      ),
    );
    await expect(
      provider().getIncidents({ entity, from: FROM, to: TO }),
    ).rejects.toBeInstanceOf(ProviderResponseError);
  });

  it('serves only annotated entities and rejects a malformed service id', async () => {
    const p = provider();
    expect(p.supports(entity)).toBe(true);
    expect(p.supports({ ...entity, metadata: { name: 'x' } })).toBe(false);
    await expect(
      p.getIncidents({
        entity: {
          ...entity,
          metadata: {
            name: 'x',
            annotations: { 'pagerduty.com/service-id': '../users' },
          },
        },
        from: FROM,
        to: TO,
      }),
    ).rejects.toThrow("Invalid pagerduty.com/service-id annotation '../users'");
  });
});
