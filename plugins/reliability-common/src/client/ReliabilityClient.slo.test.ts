import { ReliabilityClient } from './ReliabilityClient';

function createClient() {
  const fetch = jest.fn(
    async (_url: string | URL | Request, _init?: RequestInit) =>
      new Response(JSON.stringify({ ok: true }), {
        status: 200,
        headers: { 'Content-Type': 'application/json' },
      }),
  );
  const client = new ReliabilityClient({
    discoveryApi: { getBaseUrl: async () => 'http://backend/api/reliability' },
    fetchApi: { fetch: fetch as unknown as typeof globalThis.fetch },
  });
  return { client, fetch };
}

const ref = { kind: 'Component', namespace: 'default', name: 'checkout-api' };

describe('ReliabilityClient SLOs', () => {
  it('gets the burn-down of an SLO by encoded name', async () => {
    const { client, fetch } = createClient();
    await client.getSloBurndown(ref, 'checkout.availability');
    expect(fetch.mock.calls[0][0]).toBe(
      'http://backend/api/reliability/entities/component/default/checkout-api/slos/checkout.availability/burndown',
    );
  });
});
