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
});
