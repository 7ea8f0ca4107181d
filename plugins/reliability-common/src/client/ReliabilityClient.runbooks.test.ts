import { createTestClient as createClient } from './__testUtils__/createTestClient';

const ref = { kind: 'Component', namespace: 'default', name: 'orders-api' };

describe('ReliabilityClient runbooks', () => {
  it('lists runbooks, with an encoded search query when given', async () => {
    const { client, fetch } = createClient();
    await client.getEntityRunbooks(ref);
    await client.getEntityRunbooks(ref, { q: '  roll back & db ' });
    expect(fetch.mock.calls.map(call => call[0])).toEqual([
      'http://backend/api/reliability/entities/component/default/orders-api/runbooks',
      'http://backend/api/reliability/entities/component/default/orders-api/runbooks?q=roll+back+%26+db',
    ]);
  });

  it('gets one runbook by encoded id', async () => {
    const { client, fetch } = createClient();
    await client.getEntityRunbook(ref, 'db/failover');
    expect(fetch.mock.calls[0][0]).toBe(
      'http://backend/api/reliability/entities/component/default/orders-api/runbooks/db%2Ffailover',
    );
  });
});
