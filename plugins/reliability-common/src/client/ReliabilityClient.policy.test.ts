import { ResponseError } from '@backstage/errors';
import { ReliabilityClient } from './ReliabilityClient';

function createClient(
  respond: () => Response = () =>
    new Response(JSON.stringify({ ok: true }), {
      status: 200,
      headers: { 'Content-Type': 'application/json' },
    }),
) {
  const fetch = jest.fn(
    async (_url: string | URL | Request, _init?: RequestInit) => respond(),
  );
  const client = new ReliabilityClient({
    discoveryApi: { getBaseUrl: async () => 'http://backend/api/reliability' },
    fetchApi: { fetch: fetch as unknown as typeof globalThis.fetch },
  });
  return { client, fetch };
}

const ref = { kind: 'Component', namespace: 'default', name: 'checkout-api' };
const ENTITY =
  'http://backend/api/reliability/entities/component/default/checkout-api';

describe('ReliabilityClient policy and deploy gate', () => {
  it('gets the policy, the gate (with an encoded context) and the gate activity', async () => {
    const { client, fetch } = createClient();
    await client.getEntityPolicy(ref);
    await client.getDeployGate(ref);
    await client.getDeployGate(ref, { context: ' run 42 & sha ' });
    await client.getDeployGateActivity(ref);
    expect(fetch.mock.calls.map(call => call[0])).toEqual([
      `${ENTITY}/policy`,
      `${ENTITY}/deploy-gate`,
      `${ENTITY}/deploy-gate?context=run+42+%26+sha`,
      `${ENTITY}/deploy-gate/activity`,
    ]);
  });

  it('posts an override as JSON', async () => {
    const { client, fetch } = createClient();
    const request = { reason: 'Hotfix', expiresAt: '2026-11-22T14:00:00.000Z' };
    await client.createDeployGateOverride(ref, request);
    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe(`${ENTITY}/deploy-gate/overrides`);
    expect(init?.method).toBe('POST');
    expect(init?.headers).toEqual({ 'Content-Type': 'application/json' });
    expect(JSON.parse(String(init?.body))).toEqual(request);
  });

  it('revokes an override with DELETE and the reason as JSON', async () => {
    const { client, fetch } = createClient();
    await client.revokeDeployGateOverride(ref, 'id/1', { reason: 'Fixed' });
    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe(`${ENTITY}/deploy-gate/overrides/id%2F1`);
    expect(init?.method).toBe('DELETE');
    expect(init?.headers).toEqual({ 'Content-Type': 'application/json' });
    expect(JSON.parse(String(init?.body))).toEqual({ reason: 'Fixed' });
  });

  it('throws a ResponseError with the backend message when refused', async () => {
    const { client } = createClient(
      () =>
        new Response(
          JSON.stringify({
            error: { name: 'NotAllowedError', message: 'You may not override' },
            response: { statusCode: 403 },
          }),
          { status: 403, headers: { 'Content-Type': 'application/json' } },
        ),
    );
    const error = await client
      .createDeployGateOverride(ref, {
        reason: 'Hotfix',
        expiresAt: '2026-11-22T14:00:00.000Z',
      })
      .catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(403);
    expect(error.body.error.message).toBe('You may not override');
  });

  it('gets the SLO review report of a team or a system, as JSON or text', async () => {
    const { client, fetch } = createClient();
    await client.getSloReport({ owner: 'group:default/checkout-payments' });
    await client.getSloReport({ system: 'system:default/orders' });
    await client.getSloReportText({ owner: 'team a' }, 'markdown');
    await client.getSloReportText({ system: 'orders' }, 'csv');
    expect(fetch.mock.calls.map(call => call[0])).toEqual([
      'http://backend/api/reliability/reports/slo?owner=group%3Adefault%2Fcheckout-payments',
      'http://backend/api/reliability/reports/slo?system=system%3Adefault%2Forders',
      'http://backend/api/reliability/reports/slo?owner=team+a&format=markdown',
      'http://backend/api/reliability/reports/slo?system=orders&format=csv',
    ]);
  });
});
