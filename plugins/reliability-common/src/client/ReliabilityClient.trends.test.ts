import { ReliabilityClient } from './ReliabilityClient';

function createClient(body: unknown = {}, status = 200) {
  const fetch = jest.fn(
    async (_url: string | URL | Request, _init?: RequestInit) =>
      new Response(JSON.stringify(body), {
        status,
        headers: { 'Content-Type': 'application/json' },
      }),
  );
  const client = new ReliabilityClient({
    discoveryApi: { getBaseUrl: async () => 'http://backend/api/reliability' },
    fetchApi: { fetch: fetch as unknown as typeof globalThis.fetch },
  });
  return { client, fetch };
}

const base = 'http://backend/api/reliability';

describe('ReliabilityClient trends', () => {
  it('reads trend series of a scope and the leaderboard', async () => {
    const { client, fetch } = createClient({ maturity: [] });
    expect(await client.getTrendSeries({ scope: 'org' })).toEqual({
      maturity: [],
    });
    await client.getTrendSeries({
      scope: 'team',
      ref: 'group:default/payments',
      days: 30,
    });
    await client.getTrendLeaderboard();
    await client.getTrendLeaderboard({ limit: 5 });
    expect(fetch.mock.calls.map(call => call[0])).toEqual([
      `${base}/trends?scope=org`,
      `${base}/trends?scope=team&ref=group%3Adefault%2Fpayments&days=30`,
      `${base}/trends/leaderboard`,
      `${base}/trends/leaderboard?limit=5`,
    ]);
  });

  it('surfaces errors with their status', async () => {
    const { client } = createClient(
      { error: { name: 'InputError', message: 'Invalid trend query' } },
      400,
    );
    await expect(client.getTrendSeries({ scope: 'org' })).rejects.toMatchObject(
      { statusCode: 400 },
    );
  });
});
