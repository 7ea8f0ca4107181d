import {
  createTestClient as createClient,
  TEST_BASE_URL,
} from './__testUtils__/createTestClient';

const base = TEST_BASE_URL;

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
