import {
  createTestClient as createClient,
  TEST_BASE_URL,
} from './__testUtils__/createTestClient';

const base = TEST_BASE_URL;
const input = {
  name: 'Tier-1 reaches Beginner',
  why: 'Peak season',
  target: { kind: 'level' as const, level: 'beginner' },
  scope: { tiers: ['tier-1'] },
  startDate: '2026-12-01',
  dueDate: '2026-12-31',
  status: 'active' as const,
};

describe('ReliabilityClient campaigns', () => {
  it('lists and reads campaigns, and those of an entity', async () => {
    const { client, fetch } = createClient({ campaigns: [] });
    await client.listCampaigns();
    await client.listCampaigns({ status: 'all' });
    await client.getCampaign('q1 drive');
    await client.getEntityCampaigns({
      kind: 'Component',
      namespace: 'default',
      name: 'orders',
    });
    expect(fetch.mock.calls.map(call => call[0])).toEqual([
      `${base}/campaigns`,
      `${base}/campaigns?status=all`,
      `${base}/campaigns/q1%20drive`,
      `${base}/entities/component/default/orders/campaigns`,
    ]);
  });

  it('puts a campaign as JSON and surfaces errors with their status', async () => {
    const { client, fetch } = createClient({ id: 'tier-1' });
    expect(await client.putCampaign('tier-1', input)).toEqual({ id: 'tier-1' });
    expect(fetch.mock.calls[0][0]).toBe(`${base}/campaigns/tier-1`);
    expect(fetch.mock.calls[0][1]).toMatchObject({
      method: 'PUT',
      body: JSON.stringify(input),
    });
    const failing = createClient(
      { error: { name: 'ConflictError', message: 'kept as code' } },
      409,
    );
    await expect(
      failing.client.putCampaign('restore-drills', input),
    ).rejects.toMatchObject({ name: 'ResponseError', statusCode: 409 });
  });
});
