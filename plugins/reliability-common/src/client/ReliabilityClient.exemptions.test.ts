import {
  createTestClient as createClient,
  TEST_BASE_URL,
} from './__testUtils__/createTestClient';

const ref = { kind: 'Component', namespace: 'default', name: 'orders' };
const base = TEST_BASE_URL;
const EXEMPTIONS = `${base}/entities/component/default/orders/maturity/exemptions`;

describe('ReliabilityClient exemptions', () => {
  it('reads the exemptions of an entity and across entities', async () => {
    const { client, fetch } = createClient({ exemptions: [] });
    await client.getEntityExemptions(ref);
    await client.listExemptions();
    await client.listExemptions({ status: 'pending' });
    expect(fetch.mock.calls.map(call => call[0])).toEqual([
      EXEMPTIONS,
      `${base}/exemptions`,
      `${base}/exemptions?status=pending`,
    ]);
  });

  it('requests, decides and revokes as JSON, with the item id encoded', async () => {
    const { client, fetch } = createClient({ id: 'e1', status: 'pending' });
    const requested = await client.requestExemption(ref, {
      itemId: 'rollback',
      justification: 'Migration in January',
      expiresAt: '2027-01-31',
    });
    expect(requested).toEqual({ id: 'e1', status: 'pending' });
    await client.decideExemption(ref, 'rollback', {
      decision: 'approve',
      expiresAt: '2027-01-15',
    });
    await client.revokeExemption(ref, 'odd/item', { reason: 'Done' });
    expect(fetch.mock.calls.map(call => [call[0], call[1]?.method])).toEqual([
      [EXEMPTIONS, 'POST'],
      [`${EXEMPTIONS}/rollback/decision`, 'POST'],
      [`${EXEMPTIONS}/odd%2Fitem`, 'DELETE'],
    ]);
    expect(fetch.mock.calls[1][1]).toMatchObject({
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ decision: 'approve', expiresAt: '2027-01-15' }),
    });
    expect(fetch.mock.calls[2][1]?.body).toBe(
      JSON.stringify({ reason: 'Done' }),
    );
  });

  it('throws ResponseErrors carrying the status', async () => {
    const { client } = createClient(
      { error: { name: 'ConflictError', message: 'already open' } },
      409,
    );
    await expect(
      client.requestExemption(ref, {
        itemId: 'rollback',
        justification: 'x',
        expiresAt: '2027-01-31',
      }),
    ).rejects.toMatchObject({ name: 'ResponseError', statusCode: 409 });
  });
});
