import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { PeopleResolver } from './PeopleResolver';
import { snapshot } from './__testUtils__/onCallFixtures';

const users = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'amara.okafor', namespace: 'default' },
    spec: {
      profile: {
        displayName: 'Amara Okafor',
        email: 'Amara.Okafor@example.com',
      },
    },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'ana.silva', namespace: 'default' },
    spec: { profile: { displayName: 'Ana Silva', email: 'ana@example.com' } },
  },
];

function resolver(catalog = catalogServiceMock({ entities: users })) {
  return new PeopleResolver({
    catalog,
    auth: mockServices.auth(),
    logger: mockServices.logger.mock(),
  });
}

describe('PeopleResolver', () => {
  it('shows person targets of escalation levels by display name, keeping the email', async () => {
    const resolved = await resolver().resolve(
      snapshot({
        escalation: [
          {
            level: 1,
            targets: [{ kind: 'schedule', name: 'Checkout primary' }],
          },
          {
            level: 2,
            targets: [
              {
                kind: 'person',
                name: 'amara.okafor',
                person: {
                  name: 'amara.okafor',
                  userRef: 'user:default/amara.okafor',
                },
              },
            ],
            runbook: 'major-incident',
          },
        ],
      }),
    );
    expect(resolved.escalation[0].targets[0]).toEqual({
      kind: 'schedule',
      name: 'Checkout primary',
    });
    expect(resolved.escalation[1]).toEqual({
      level: 2,
      targets: [
        {
          kind: 'person',
          name: 'Amara Okafor',
          person: {
            name: 'Amara Okafor',
            userRef: 'user:default/amara.okafor',
            email: 'amara.okafor@example.com',
          },
        },
      ],
      runbook: 'major-incident',
    });
  });

  it('resolves lists of people by ref, email or plain user name, in order', async () => {
    const people = await resolver().resolvePeople([
      { name: 'ana', email: 'ana@example.com' },
      { name: 'amara.okafor' },
      { name: 'nobody', email: 'nobody@example.com' },
    ]);
    expect(people).toEqual([
      {
        name: 'Ana Silva',
        email: 'ana@example.com',
        userRef: 'user:default/ana.silva',
      },
      {
        name: 'Amara Okafor',
        email: 'amara.okafor@example.com',
        userRef: 'user:default/amara.okafor',
      },
      { name: 'nobody', email: 'nobody@example.com' },
    ]);
  });

  it('keeps people as they are when the catalog fails', async () => {
    const catalog = catalogServiceMock.mock({
      getEntitiesByRefs: async () => {
        throw new Error('catalog down');
      },
    });
    const people = [{ name: 'amara.okafor' }];
    expect(await resolver(catalog).resolvePeople(people)).toEqual(people);
    expect(await resolver(catalog).resolvePeople([])).toEqual([]);
  });

  it('asks the catalog about each person once in ten minutes, found or not, and again after a failure', async () => {
    const catalog = catalogServiceMock({ entities: users });
    const byRefs = jest.spyOn(catalog, 'getEntitiesByRefs');
    const byEmail = jest.spyOn(catalog, 'getEntities');
    let now = new Date('2026-12-01T12:00:00Z');
    const people = new PeopleResolver({
      catalog,
      auth: mockServices.auth(),
      logger: mockServices.logger.mock(),
      now: () => now,
    });
    const team = [
      { name: 'amara.okafor' },
      { name: 'ana', email: 'ana@example.com' },
      { name: 'nobody', email: 'nobody@example.com' },
    ];
    const linked = await people.resolvePeople(team);
    // Services sharing the rotation: no more catalog requests, the same people (the unknown one unlinked).
    for (let service = 0; service < 5; service++) {
      expect(await people.resolvePeople(team)).toEqual(linked);
    }
    expect(linked.map(p => p.userRef)).toEqual([
      'user:default/amara.okafor',
      'user:default/ana.silva',
      undefined,
    ]);
    expect([byRefs.mock.calls.length, byEmail.mock.calls.length]).toEqual([
      1, 1,
    ]);
    // Only the person not seen yet is asked about.
    await people.resolvePeople([...team, { name: 'ana.silva' }]);
    expect(byRefs.mock.calls.at(-1)?.[0].entityRefs).toEqual([
      'user:default/ana.silva',
    ]);
    expect(byEmail).toHaveBeenCalledTimes(1);
    // Ten minutes on, everyone is asked about again.
    now = new Date('2026-12-01T12:10:00Z');
    await people.resolvePeople(team);
    expect([byRefs.mock.calls.length, byEmail.mock.calls.length]).toEqual([
      3, 2,
    ]);
    // A failed read is not kept: the next snapshot asks again and links.
    byEmail.mockRejectedValueOnce(new Error('catalog down'));
    const stranger = [{ name: 'x', email: 'amara.okafor@example.com' }];
    expect(await people.resolvePeople(stranger)).toEqual(stranger);
    expect(await people.resolvePeople(stranger)).toEqual([
      {
        name: 'Amara Okafor',
        email: 'amara.okafor@example.com',
        userRef: 'user:default/amara.okafor',
      },
    ]);
  });
});
