import { createTestClient as createClient } from './__testUtils__/createTestClient';

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
