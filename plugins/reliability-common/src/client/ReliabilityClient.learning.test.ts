import { createTestClient as createClient } from './__testUtils__/createTestClient';

describe('ReliabilityClient learning paths', () => {
  it('reads the paths, ticks and un-ticks items and reads a team', async () => {
    const { client, fetch } = createClient();
    await client.getMyLearningPaths();
    await client.setLearningItemDone({
      group: 'group:default/sre',
      itemId: 'read-gateway',
      done: true,
    });
    await client.setLearningItemDone({
      group: 'group:default/sre',
      itemId: 'read-gateway',
      done: false,
    });
    await client.getTeamLearningProgress({
      kind: 'group',
      namespace: 'Default',
      name: 'web storefront',
    });
    expect(
      fetch.mock.calls.map(([url, init]) => [
        init?.method,
        url,
        init?.body ?? null,
      ]),
    ).toEqual([
      ['GET', 'http://backend/api/reliability/learning/paths', null],
      [
        'PUT',
        'http://backend/api/reliability/learning/progress',
        '{"group":"group:default/sre","itemId":"read-gateway","done":true}',
      ],
      [
        'PUT',
        'http://backend/api/reliability/learning/progress',
        '{"group":"group:default/sre","itemId":"read-gateway","done":false}',
      ],
      [
        'GET',
        'http://backend/api/reliability/learning/teams/default/web%20storefront',
        null,
      ],
    ]);
  });
});
