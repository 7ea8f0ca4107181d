import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { Entity } from '@backstage/catalog-model';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { retryDelayFromHeaders } from '@internal/backstage-plugin-reliability-node';
import { createPagerDutyClient } from './createPagerDutyClient';
import { PagerDutyOnCallProvider } from './PagerDutyOnCallProvider';

const API = 'https://api.pagerduty.test';
const server = setupServer();
registerMswTestHooks(server);

const AT = new Date('2026-11-20T12:00:00.000Z');
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
      reliability: { pagerduty: { apiBaseUrl: API, token: 'secret-token' } },
    }),
    { sleep: async () => {} },
  )!;
  return new PagerDutyOnCallProvider(client);
}

const user = (id: string, name: string) => ({
  id,
  type: 'user',
  summary: name,
  name,
  email: `${name.toLowerCase()}@example.com`,
  time_zone: 'Europe/Berlin',
  html_url: `https://acme.pagerduty.com/users/${id}`,
});

const policy = {
  id: 'PPOL1',
  type: 'escalation_policy',
  summary: 'Checkout',
  name: 'Checkout',
  html_url: 'https://acme.pagerduty.com/escalation_policies/PPOL1',
  escalation_rules: [
    {
      id: 'R1',
      escalation_delay_in_minutes: 15,
      targets: [
        {
          id: 'PSCH1',
          type: 'schedule_reference',
          summary: 'Checkout primary',
        },
      ],
    },
    {
      id: 'R2',
      escalation_delay_in_minutes: 30,
      targets: [{ id: 'PUSR9', type: 'user_reference', summary: 'Lead' }],
    },
  ],
};

function oncall(
  level: number,
  u: ReturnType<typeof user>,
  start: string | null,
  end: string | null,
) {
  return {
    escalation_policy: {
      id: 'PPOL1',
      type: 'escalation_policy_reference',
      summary: 'Checkout',
    },
    escalation_level: level,
    schedule:
      level === 1
        ? {
            id: 'PSCH1',
            type: 'schedule_reference',
            summary: 'Checkout primary',
          }
        : null,
    user: u,
    start,
    end,
  };
}

function happyHandlers(onOncalls?: (url: URL) => void) {
  return [
    http.get(`${API}/services/PSVC123`, ({ request }) => {
      const url = new URL(request.url);
      expect(url.searchParams.getAll('include[]')).toEqual([
        'escalation_policies',
      ]);
      expect(request.headers.get('authorization')).toBe(
        'Token token=secret-token',
      );
      expect(request.headers.get('accept')).toBe(
        'application/vnd.pagerduty+json;version=2',
      );
      return HttpResponse.json({
        service: {
          id: 'PSVC123',
          type: 'service',
          summary: 'Checkout',
          name: 'Checkout',
          html_url: 'https://acme.pagerduty.com/service-directory/PSVC123',
          escalation_policy: policy,
        },
      });
    }),
    http.get(`${API}/oncalls`, ({ request }) => {
      const url = new URL(request.url);
      onOncalls?.(url);
      const offset = Number(url.searchParams.get('offset'));
      const ana = user('PUSR1', 'Ana');
      const bo = user('PUSR2', 'Bo');
      const pages = [
        [
          oncall(1, ana, '2026-11-20T08:00:00Z', '2026-11-21T08:00:00Z'),
          oncall(2, user('PUSR9', 'Lead'), null, null),
        ],
        [oncall(1, bo, '2026-11-21T08:00:00Z', '2026-11-22T08:00:00Z')],
      ];
      const index = offset === 0 ? 0 : 1;
      return HttpResponse.json({
        oncalls: pages[index],
        limit: 100,
        offset,
        more: index === 0,
        total: null,
      });
    }),
    http.get(`${API}/schedules/PSCH1`, () =>
      HttpResponse.json({
        schedule: {
          id: 'PSCH1',
          type: 'schedule',
          summary: 'Checkout primary',
          name: 'Checkout primary',
          time_zone: 'Europe/Berlin',
          schedule_layers: [
            {
              id: 'L1',
              users: [
                { user: user('PUSR1', 'Ana') },
                { user: user('PUSR2', 'Bo') },
              ],
            },
          ],
        },
      }),
    ),
  ];
}

describe('PagerDutyOnCallProvider', () => {
  it('supports entities with the PagerDuty service annotation', () => {
    expect(provider().supports(entity)).toBe(true);
    expect(provider().supports({ ...entity, metadata: { name: 'x' } })).toBe(
      false,
    );
  });

  it('builds a snapshot from the service, its policy and every page of on-calls', async () => {
    const offsets: string[] = [];
    server.use(
      ...happyHandlers(url => {
        offsets.push(url.searchParams.get('offset')!);
        expect(url.searchParams.getAll('escalation_policy_ids[]')).toEqual([
          'PPOL1',
        ]);
        expect(url.searchParams.get('since')).toBe(AT.toISOString());
        expect(url.searchParams.get('until')).toBe('2026-11-27T12:00:00.000Z');
      }),
    );
    const snapshot = await provider().getOnCall({
      entity,
      at: AT,
      horizonDays: 7,
    });
    expect(offsets).toEqual(['0', '2']);
    expect(snapshot.externalUrl).toBe(
      'https://acme.pagerduty.com/service-directory/PSVC123',
    );
    expect(snapshot.current).toEqual([
      {
        person: { name: 'Ana', email: 'ana@example.com', externalId: 'PUSR1' },
        escalationLevel: 1,
        scheduleName: 'Checkout primary',
        start: '2026-11-20T08:00:00Z',
        end: '2026-11-21T08:00:00Z',
        timeZone: 'Europe/Berlin',
      },
      expect.objectContaining({
        person: expect.objectContaining({ name: 'Lead' }),
        escalationLevel: 2,
        start: AT.toISOString(),
      }),
    ]);
    expect(snapshot.next.map(s => s.person.name)).toEqual(['Bo']);
    expect(snapshot.escalation).toEqual([
      {
        level: 1,
        escalateAfterMinutes: 15,
        targets: [{ kind: 'schedule', name: 'Checkout primary' }],
      },
      {
        level: 2,
        escalateAfterMinutes: 30,
        targets: [
          {
            kind: 'person',
            name: 'Lead',
            person: { name: 'Lead', externalId: 'PUSR9' },
          },
        ],
      },
    ]);
    expect(snapshot.rotations).toEqual([
      {
        level: 1,
        scheduleName: 'Checkout primary',
        members: [
          { name: 'Ana', email: 'ana@example.com', externalId: 'PUSR1' },
          { name: 'Bo', email: 'bo@example.com', externalId: 'PUSR2' },
        ],
      },
    ]);
  });

  it('links only to http(s) URLs: a service html_url of another scheme is dropped', async () => {
    server.use(
      http.get(`${API}/services/PSVC123`, () =>
        HttpResponse.json({
          service: {
            id: 'PSVC123',
            // eslint-disable-next-line no-script-url
            html_url: 'javascript:alert(document.cookie)',
            escalation_policy: policy,
          },
        }),
      ),
      ...happyHandlers(),
    );
    const snapshot = await provider().getOnCall({
      entity,
      at: AT,
      horizonDays: 7,
    });
    expect(snapshot.externalUrl).toBeUndefined();
    expect(snapshot.current.length).toBeGreaterThan(0);
  });

  it('fetches the escalation policy when it was not included', async () => {
    // Handlers given first take precedence.
    server.use(
      http.get(`${API}/services/PSVC123`, () =>
        HttpResponse.json({
          service: {
            id: 'PSVC123',
            escalation_policy: {
              id: 'PPOL1',
              type: 'escalation_policy_reference',
            },
          },
        }),
      ),
      http.get(`${API}/escalation_policies/PPOL1`, () =>
        HttpResponse.json({ escalation_policy: policy }),
      ),
      ...happyHandlers(),
    );
    const snapshot = await provider().getOnCall({
      entity,
      at: AT,
      horizonDays: 7,
    });
    expect(snapshot.escalation).toHaveLength(2);
  });

  it('retries after a 429, honouring Retry-After, then succeeds', async () => {
    let calls = 0;
    const sleeps: number[] = [];
    server.use(
      http.get(`${API}/services/PSVC123`, () => {
        calls += 1;
        if (calls === 1) {
          return HttpResponse.json(
            { error: { message: 'Rate Limit Exceeded', code: 2020 } },
            { status: 429, headers: { 'Retry-After': '2' } },
          );
        }
        return HttpResponse.json({
          service: { id: 'PSVC123', escalation_policy: policy },
        });
      }),
      ...happyHandlers(),
    );
    const client = createPagerDutyClient(
      new ConfigReader({
        reliability: { pagerduty: { apiBaseUrl: API, token: 't' } },
      }),
      { sleep: async ms => void sleeps.push(ms) },
    )!;
    const snapshot = await new PagerDutyOnCallProvider(client).getOnCall({
      entity,
      at: AT,
      horizonDays: 7,
    });
    expect(calls).toBe(2);
    expect(sleeps).toEqual([2000]);
    expect(snapshot.current).toHaveLength(2);
  });

  it('retries 5xx with backoff and gives up with a clear error', async () => {
    let calls = 0;
    server.use(
      http.get(`${API}/services/PSVC123`, () => {
        calls += 1;
        return new HttpResponse(null, { status: 503 });
      }),
    );
    await expect(
      provider().getOnCall({ entity, at: AT, horizonDays: 7 }),
    ).rejects.toThrow(
      'PagerDuty GET /services/PSVC123 answered HTTP 503, PagerDuty is unavailable',
    );
    expect(calls).toBe(4);
  });

  it('reports a rejected token (401) without retrying', async () => {
    let calls = 0;
    server.use(
      http.get(`${API}/services/PSVC123`, () => {
        calls += 1;
        return HttpResponse.json(
          { error: { message: 'Unauthorized', code: 2006 } },
          { status: 401 },
        );
      }),
    );
    await expect(
      provider().getOnCall({ entity, at: AT, horizonDays: 7 }),
    ).rejects.toMatchObject({
      name: 'ProviderHttpError',
      status: 401,
      message: expect.stringContaining('the API token was rejected'),
    });
    expect(calls).toBe(1);
  });

  it('reports an unknown service (404)', async () => {
    server.use(
      http.get(`${API}/services/PSVC123`, () =>
        HttpResponse.json(
          { error: { message: 'Not Found', code: 2100 } },
          { status: 404 },
        ),
      ),
    );
    await expect(
      provider().getOnCall({ entity, at: AT, horizonDays: 7 }),
    ).rejects.toThrow('PagerDuty service PSVC123 not found (HTTP 404)');
  });

  it('reads Retry-After as seconds or a date, and ratelimit-reset', () => {
    const now = Date.parse('2026-11-20T12:00:00Z');
    expect(
      retryDelayFromHeaders(new Headers({ 'Retry-After': '3' }), now),
    ).toBe(3000);
    expect(
      retryDelayFromHeaders(
        new Headers({ 'Retry-After': 'Fri, 20 Nov 2026 12:00:05 GMT' }),
        now,
      ),
    ).toBe(5000);
    expect(
      retryDelayFromHeaders(new Headers({ 'ratelimit-reset': '7' }), now),
    ).toBe(7000);
    expect(retryDelayFromHeaders(new Headers(), now)).toBeUndefined();
  });
});
