import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { Entity } from '@backstage/catalog-model';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { retryDelayFromHeaders } from '@internal/backstage-plugin-reliability-node';
import { createOpsgenieClient } from './createOpsgenieClient';
import { OpsgenieOnCallProvider } from './OpsgenieOnCallProvider';

const API = 'https://api.opsgenie.test';
const server = setupServer();
registerMswTestHooks(server);

const AT = new Date('2026-11-20T12:00:00.000Z');
const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'checkout',
    annotations: { 'opsgenie.com/team': 'Payments' },
  },
  spec: {},
};

function provider(sleeps: number[] = []) {
  const client = createOpsgenieClient(
    new ConfigReader({
      reliability: { opsgenie: { apiBaseUrl: API, apiKey: 'genie-key' } },
    }),
    { sleep: async ms => void sleeps.push(ms) },
  )!;
  return new OpsgenieOnCallProvider(client);
}

const envelope = (data: unknown) => ({ data, took: 0.01, requestId: 'req-1' });
const team = { id: 'team-1', name: 'Payments' };

const anaPeriod = {
  startDate: '2026-11-16T08:00:00Z',
  endDate: '2026-11-23T08:00:00Z' as string | undefined,
  type: 'default',
  recipient: { id: 'u1', type: 'user', name: 'ana@example.com' },
};
const boPeriod = {
  startDate: '2026-11-23T08:00:00Z',
  endDate: '2026-11-30T08:00:00Z',
  type: 'default',
  recipient: { id: 'u2', type: 'user', name: 'bo@example.com' },
};

function handlers(
  options: {
    timelineEmpty?: boolean;
    /** Timeline periods instead of Ana's and Bo's weeks. */
    periods?: object[];
    teamWeb?: string;
  } = {},
) {
  return [
    http.get(`${API}/v2/teams/Payments`, ({ request }) => {
      expect(new URL(request.url).searchParams.get('identifierType')).toBe(
        'name',
      );
      expect(request.headers.get('authorization')).toBe('GenieKey genie-key');
      return HttpResponse.json(
        envelope({
          ...team,
          description: '',
          members: [
            { user: { id: 'u1', username: 'ana@example.com' }, role: 'admin' },
          ],
          links: {
            web:
              options.teamWeb ??
              'https://acme.app.opsgenie.com/teams/dashboard/team-1/main',
          },
        }),
      );
    }),
    http.get(`${API}/v2/schedules`, () =>
      HttpResponse.json({
        ...envelope([
          {
            id: 'sch-1',
            name: 'Payments_schedule',
            description: '',
            timezone: 'Europe/Berlin',
            enabled: true,
            ownerTeam: team,
            rotations: [
              {
                id: 'rot-1',
                name: 'Weekly',
                startDate: '2026-01-05T08:00:00Z',
                type: 'weekly',
                length: 1,
                participants: [
                  { type: 'user', id: 'u1', username: 'ana@example.com' },
                  { type: 'user', id: 'u2', username: 'bo@example.com' },
                ],
              },
            ],
          },
          {
            id: 'sch-x',
            name: 'Other',
            enabled: true,
            ownerTeam: { id: 'team-2', name: 'Other' },
          },
        ]),
        expandable: ['rotation'],
      }),
    ),
    http.get(`${API}/v2/escalations`, () =>
      HttpResponse.json(
        envelope([
          {
            id: 'esc-1',
            name: 'Payments_escalation',
            ownerTeam: team,
            rules: [
              {
                condition: 'if-not-acked',
                notifyType: 'default',
                delay: { timeAmount: 0, timeUnit: 'minutes' },
                recipient: {
                  type: 'schedule',
                  id: 'sch-1',
                  name: 'Payments_schedule',
                },
              },
              {
                condition: 'if-not-acked',
                notifyType: 'default',
                delay: { timeAmount: 15, timeUnit: 'minutes' },
                recipient: {
                  type: 'user',
                  id: 'u9',
                  username: 'lead@example.com',
                },
              },
            ],
          },
        ]),
      ),
    ),
    http.get(`${API}/v2/schedules/sch-1/on-calls`, ({ request }) => {
      const url = new URL(request.url);
      expect(url.searchParams.get('flat')).toBe('false');
      expect(url.searchParams.get('date')).toBe(AT.toISOString());
      return HttpResponse.json(
        envelope({
          _parent: { id: 'sch-1', name: 'Payments_schedule', enabled: true },
          onCallParticipants: [
            { id: 'u1', name: 'ana@example.com', type: 'user' },
          ],
        }),
      );
    }),
    http.get(`${API}/v2/schedules/sch-1/timeline`, () =>
      HttpResponse.json(
        envelope({
          _parent: { id: 'sch-1', name: 'Payments_schedule', enabled: true },
          startDate: '2026-11-19T12:00:00Z',
          endDate: '2026-11-28T12:00:00Z',
          finalTimeline: {
            rotations: options.timelineEmpty
              ? []
              : [
                  {
                    id: 'rot-1',
                    name: 'Weekly',
                    order: 1,
                    periods: options.periods ?? [anaPeriod, boPeriod],
                  },
                ],
          },
        }),
      ),
    ),
    http.get(`${API}/v2/schedules/sch-1/next-on-calls`, () =>
      HttpResponse.json(
        envelope({
          _parent: { id: 'sch-1', name: 'Payments_schedule', enabled: true },
          nextOnCallRecipients: [
            { id: 'u2', name: 'bo@example.com', type: 'user' },
          ],
        }),
      ),
    ),
  ];
}

describe('OpsgenieOnCallProvider', () => {
  it('supports entities with the Opsgenie team annotation', () => {
    expect(provider().supports(entity)).toBe(true);
    expect(provider().supports({ ...entity, metadata: { name: 'x' } })).toBe(
      false,
    );
  });

  it("builds a snapshot from the team's schedules, timeline and escalation", async () => {
    server.use(...handlers());
    const snapshot = await provider().getOnCall({
      entity,
      at: AT,
      horizonDays: 7,
    });
    expect(snapshot.externalUrl).toBe(
      'https://acme.app.opsgenie.com/teams/dashboard/team-1/main',
    );
    expect(snapshot.current).toEqual([
      {
        person: { name: 'ana', email: 'ana@example.com', externalId: 'u1' },
        escalationLevel: 1,
        scheduleName: 'Payments_schedule',
        start: '2026-11-16T08:00:00Z',
        end: '2026-11-23T08:00:00Z',
        timeZone: 'Europe/Berlin',
      },
    ]);
    expect(snapshot.next.map(s => [s.person.email, s.start])).toEqual([
      ['bo@example.com', '2026-11-23T08:00:00Z'],
    ]);
    expect(snapshot.escalation).toEqual([
      {
        level: 1,
        escalateAfterMinutes: 15,
        targets: [{ kind: 'schedule', name: 'Payments_schedule' }],
      },
      {
        level: 2,
        escalateAfterMinutes: undefined,
        targets: [
          {
            kind: 'person',
            name: 'lead@example.com',
            person: {
              name: 'lead',
              email: 'lead@example.com',
              externalId: 'u9',
            },
          },
        ],
      },
    ]);
    expect(snapshot.rotations?.[0].members.map(m => m.email)).toEqual([
      'ana@example.com',
      'bo@example.com',
    ]);
  });

  it('falls back to next-on-calls when the timeline shows no upcoming shift', async () => {
    server.use(...handlers({ periods: [anaPeriod] }));
    const snapshot = await provider().getOnCall({
      entity,
      at: AT,
      horizonDays: 7,
    });
    expect(snapshot.next.map(s => s.person.email)).toEqual(['bo@example.com']);
    // Bo takes over when Ana's period ends; when Bo's shift ends is not known.
    expect(snapshot.next[0]).toMatchObject({
      start: '2026-11-23T08:00:00Z',
      end: null,
    });
  });

  it('keeps the end of the current shift unknown when the timeline has no period for it', async () => {
    server.use(...handlers({ timelineEmpty: true }));
    const snapshot = await provider().getOnCall({
      entity,
      at: AT,
      horizonDays: 7,
    });
    expect(snapshot.current).toEqual([
      expect.objectContaining({
        person: expect.objectContaining({ email: 'ana@example.com' }),
        start: AT.toISOString(),
        end: null,
      }),
    ]);
    // Without a known handover time no next shift is invented.
    expect(snapshot.next).toEqual([]);
  });

  it('keeps a timeline period without an end open-ended', async () => {
    server.use(
      ...handlers({ periods: [{ ...anaPeriod, endDate: undefined }] }),
    );
    const snapshot = await provider().getOnCall({
      entity,
      at: AT,
      horizonDays: 7,
    });
    expect(snapshot.current).toEqual([
      expect.objectContaining({
        person: expect.objectContaining({ email: 'ana@example.com' }),
        start: '2026-11-16T08:00:00Z',
        end: null,
      }),
    ]);
  });

  it('links only to http(s) URLs: a team web link of another scheme is dropped', async () => {
    // eslint-disable-next-line no-script-url
    server.use(...handlers({ teamWeb: 'javascript:alert(document.cookie)' }));
    const snapshot = await provider().getOnCall({
      entity,
      at: AT,
      horizonDays: 7,
    });
    expect(snapshot.externalUrl).toBeUndefined();
    expect(snapshot.current).toHaveLength(1);
  });

  it('retries after a 429 with the rate-limit headers, then succeeds', async () => {
    let calls = 0;
    const sleeps: number[] = [];
    server.use(
      http.get(`${API}/v2/teams/Payments`, () => {
        calls += 1;
        if (calls === 1) {
          return HttpResponse.json(
            {
              message: 'You are making too many requests',
              took: 0,
              requestId: 'r',
            },
            {
              status: 429,
              headers: {
                'X-RateLimit-State': 'THROTTLED',
                'X-RateLimit-Period-In-Sec': '1',
              },
            },
          );
        }
        return HttpResponse.json(envelope(team));
      }),
      ...handlers(),
    );
    const snapshot = await provider(sleeps).getOnCall({
      entity,
      at: AT,
      horizonDays: 7,
    });
    expect(calls).toBe(2);
    expect(sleeps).toEqual([1000]);
    expect(snapshot.current).toHaveLength(1);
  });

  it('reports a rejected API key (401) without retrying', async () => {
    let calls = 0;
    server.use(
      http.get(`${API}/v2/teams/Payments`, () => {
        calls += 1;
        return HttpResponse.json(
          { message: 'Could not authenticate', took: 0, requestId: 'r' },
          { status: 401 },
        );
      }),
    );
    await expect(
      provider().getOnCall({ entity, at: AT, horizonDays: 7 }),
    ).rejects.toMatchObject({
      name: 'ProviderHttpError',
      status: 401,
      message:
        'Opsgenie GET /v2/teams/Payments answered HTTP 401, the API key was rejected (check reliability.opsgenie.apiKey): Could not authenticate',
    });
    expect(calls).toBe(1);
  });

  it('reports an unknown team (404)', async () => {
    server.use(
      http.get(`${API}/v2/teams/Payments`, () =>
        HttpResponse.json(
          {
            message: 'No team exists with name [Payments]',
            took: 0,
            requestId: 'r',
          },
          { status: 404 },
        ),
      ),
    );
    await expect(
      provider().getOnCall({ entity, at: AT, horizonDays: 7 }),
    ).rejects.toThrow("Opsgenie team 'Payments' not found (HTTP 404)");
  });

  it('retries 5xx and gives up with a clear error', async () => {
    let calls = 0;
    server.use(
      http.get(`${API}/v2/teams/Payments`, () => {
        calls += 1;
        return new HttpResponse('bad gateway', { status: 502 });
      }),
    );
    await expect(
      provider().getOnCall({ entity, at: AT, horizonDays: 7 }),
    ).rejects.toThrow('answered HTTP 502, Opsgenie is unavailable');
    expect(calls).toBe(4);
  });

  it('reads the Opsgenie throttling period header', () => {
    expect(
      retryDelayFromHeaders(new Headers({ 'X-RateLimit-Period-In-Sec': '60' })),
    ).toBe(60_000);
  });
});
