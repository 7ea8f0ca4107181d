import { createTestClient as createClient } from './__testUtils__/createTestClient';

describe('ReliabilityClient tour', () => {
  it('reads tours of systems and domains and blast radii of components', async () => {
    const { client, fetch } = createClient();
    await client.getSystemTour({
      kind: 'system',
      namespace: 'Default',
      name: 'shop',
    });
    await client.getDomainTour({
      kind: 'domain',
      namespace: 'default',
      name: 'commerce',
    });
    await client.getBlastRadius({
      kind: 'Component',
      namespace: 'default',
      name: 'payments api',
    });
    expect(fetch.mock.calls.map(call => call[0])).toEqual([
      'http://backend/api/reliability/tour/systems/default/shop',
      'http://backend/api/reliability/tour/domains/default/commerce',
      'http://backend/api/reliability/tour/blast-radius/component/default/payments%20api',
    ]);
  });
});
