import {
  coreServices,
  createBackendModule,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import permissionPlugin from '@backstage/plugin-permission-backend';
import reliabilityPlugin from '@internal/backstage-plugin-reliability-backend';
import request from 'supertest';
import { reliabilityPermissionPolicyModule } from './permissionPolicy';

/**
 * Owner-only writes, end to end: the real catalog (resolving the policy's isEntityOwner condition), the real
 * permission backend with the shipped policy, and the reliability plugin. Only sign-in is simulated: the user
 * info service answers what the auth backend's sign-in resolver would put in the token (the user and its groups).
 */

const LOCATION = 'url:https://example.com/catalog-info.yaml';
const annotations = {
  'backstage.io/managed-by-location': LOCATION,
  'backstage.io/managed-by-origin-location': LOCATION,
};

function group(name: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, annotations },
    spec: { type: 'team', children: [] },
  };
}

function component(name: string, owner: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, annotations },
    spec: { type: 'service', lifecycle: 'production', owner },
  };
}

const ENTITIES = [
  group('checkout-payments'),
  group('web-storefront'),
  group('sre'),
  component('checkout-api', 'group:default/checkout-payments'),
];

/** Group memberships as the sign-in resolver would put them in each user's token. */
const MEMBERSHIP: Record<string, string[]> = {
  'user:default/owner': ['group:default/checkout-payments'],
  'user:default/other-team': ['group:default/web-storefront'],
  'user:default/admin': ['group:default/sre'],
};

const testEntitiesModule = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'owner-writes-test-entities',
  register(reg) {
    reg.registerInit({
      deps: { catalog: catalogProcessingExtensionPoint },
      async init({ catalog }) {
        catalog.addEntityProvider({
          getProviderName: () => 'owner-writes-test',
          connect: async connection => {
            await connection.applyMutation({
              type: 'full',
              entities: ENTITIES.map(entity => ({
                entity,
                locationKey: 'owner-writes-test',
              })),
            });
          },
        });
      },
    });
  },
});

const userInfoFromMembership = createServiceFactory({
  service: coreServices.userInfo,
  deps: {},
  factory: () => ({
    async getUserInfo(credentials) {
      const principal = credentials.principal as { userEntityRef?: string };
      const userEntityRef = principal.userEntityRef ?? 'user:default/unknown';
      return {
        userEntityRef,
        ownershipEntityRefs: [userEntityRef, ...(MEMBERSHIP[userEntityRef] ?? [])],
      };
    },
  }),
});

/**
 * The mock auth services, except that a plugin's token on behalf of a user authenticates as that user with the
 * calling plugin as `actor`, as Backstage's real auth service does (the permission backend relies on it to tell
 * a plugin asking for a user from the user asking directly).
 */
const MOCK_SERVICE_TOKEN_PREFIX = 'mock-service-token:';

function onBehalfOfUser(token: string | undefined) {
  if (!token?.startsWith(MOCK_SERVICE_TOKEN_PREFIX)) return undefined;
  const { obo } = JSON.parse(token.slice(MOCK_SERVICE_TOKEN_PREFIX.length));
  return obo
    ? mockCredentials.user(obo, { actor: { subject: 'plugin:test-caller' } })
    : undefined;
}

const authWithActors = createServiceFactory({
  service: coreServices.auth,
  deps: { plugin: coreServices.pluginMetadata },
  factory: ({ plugin }) => {
    const inner = mockServices.auth({ pluginId: plugin.getId() });
    return Object.assign(Object.create(inner), {
      async authenticate(
        token: string,
        options?: Parameters<typeof inner.authenticate>[1],
      ) {
        const credentials = await inner.authenticate(token, options);
        return onBehalfOfUser(token) ?? credentials;
      },
    });
  },
});

const httpAuthWithActors = createServiceFactory({
  service: coreServices.httpAuth,
  deps: { plugin: coreServices.pluginMetadata },
  factory: ({ plugin }) => {
    const inner = mockServices.httpAuth({ pluginId: plugin.getId() });
    return Object.assign(Object.create(inner), {
      async credentials(
        req: Parameters<typeof inner.credentials>[0],
        options?: { allow?: string[] },
      ) {
        const header = req.headers.authorization;
        const token =
          typeof header === 'string'
            ? header.match(/^Bearer[ ]+(\S+)$/i)?.[1]
            : undefined;
        const user = onBehalfOfUser(token);
        if (user && (!options?.allow || options.allow.includes('user'))) {
          // Let the mock check the token itself (target plugin), then answer with the actor.
          await inner.credentials(req, options as any);
          return user;
        }
        return inner.credentials(req, options as any);
      },
    });
  },
});

const ENTITY_PATH = '/api/reliability/entities/component/default/checkout-api';
const SLI_EVENTS_PATH = `${ENTITY_PATH}/sli-events`;

describe('owner-only writes with the shipped policy and a real catalog', () => {
  let server: Parameters<typeof request>[0];
  let stop: () => Promise<void>;

  beforeAll(async () => {
    const backend = await startTestBackend({
      features: [
        mockServices.rootConfig.factory({
          data: {
            permission: { enabled: true },
            reliability: {
              admins: ['group:default/sre'],
              checklist: { refreshInterval: { hours: 24 } },
            },
            catalog: { processingInterval: { seconds: 1 } },
          },
        }),
        userInfoFromMembership,
        authWithActors,
        httpAuthWithActors,
        catalogPlugin,
        testEntitiesModule,
        permissionPlugin,
        reliabilityPermissionPolicyModule,
        reliabilityPlugin,
      ],
    });
    server = backend.server;
    stop = () => backend.stop();

    // Wait for the catalog to ingest and stitch the entities (ownership relations included).
    const deadline = Date.now() + 20_000;
    for (;;) {
      const res = await request(server)
        .get('/api/catalog/entities/by-name/component/default/checkout-api')
        .set('Authorization', mockCredentials.user.header());
      if (res.status === 200 && (res.body.relations ?? []).length > 0) break;
      if (Date.now() > deadline) {
        throw new Error(
          `catalog never served the test entity: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`,
        );
      }
      await new Promise(resolve => setTimeout(resolve, 250));
    }
  }, 90_000);

  afterAll(async () => {
    await stop?.();
  });

  async function assessmentBody(user: string) {
    const res = await request(server)
      .get(`${ENTITY_PATH}/maturity`)
      .set('Authorization', mockCredentials.user.header(user));
    expect(res.status).toBe(200);
    const checklist = await request(server)
      .get('/api/reliability/checklist')
      .set('Authorization', mockCredentials.user.header(user));
    const item = checklist.body.items.find(
      (i: { kind: string }) => i.kind === 'self-assessed',
    );
    return {
      canSubmit: res.body.canSubmit as boolean,
      body: {
        checklistVersion: res.body.checklistVersion,
        answers: {
          [item.id]: {
            answer: 'yes',
            evidenceUrl: 'https://example.com/evidence',
            note: 'Reviewed in the SLO review meeting',
          },
        },
      },
    };
  }

  // Each accepted write gets its own interval: overlapping intervals are rejected (they would double count).
  let slot = 0;
  function sliEvents() {
    slot += 1;
    const end = new Date(Date.now() - slot * 10 * 60_000);
    const start = new Date(end.getTime() - 5 * 60_000);
    return {
      sli: 'checkout-requests',
      events: [
        { start: start.toISOString(), end: end.toISOString(), good: 99, total: 100 },
      ],
    };
  }

  it.each([
    ['the owning team', 'user:default/owner', 201, true],
    ['a member of another team', 'user:default/other-team', 403, false],
    ['a reliability admin', 'user:default/admin', 201, true],
  ])(
    'assessments: %s (%s) gets %i',
    async (_who, user, status, canSubmit) => {
      const { body, canSubmit: offered } = await assessmentBody(user);
      expect(offered).toBe(canSubmit);
      const res = await request(server)
        .post(`${ENTITY_PATH}/maturity/assessments`)
        .set('Authorization', mockCredentials.user.header(user))
        .send(body);
      expect(res.status).toBe(status);
    },
  );

  it.each([
    ['the owning team', 'user:default/owner', 200],
    ['a member of another team', 'user:default/other-team', 403],
    ['a reliability admin', 'user:default/admin', 200],
  ])('SLI events: %s (%s) gets %i', async (_who, user, status) => {
    const res = await request(server)
      .post(SLI_EVENTS_PATH)
      .set('Authorization', mockCredentials.user.header(user))
      .send(sliEvents());
    expect(res.status).toBe(status);
  });

  function campaign() {
    const today = new Date().toISOString().slice(0, 10);
    const due = new Date(Date.now() + 60 * 24 * 60 * 60_000)
      .toISOString()
      .slice(0, 10);
    return {
      name: 'Tier-1 services reach Beginner',
      why: 'Peak season is coming.',
      target: { kind: 'level', level: 'beginner' },
      scope: { owners: ['group:default/checkout-payments'] },
      startDate: today,
      dueDate: due,
      status: 'active',
    };
  }

  it.each([
    ['the owning team', 'user:default/owner', 403, false],
    ['a member of another team', 'user:default/other-team', 403, false],
    ['a reliability admin', 'user:default/admin', 201, true],
  ])(
    'campaigns: %s (%s) gets %i (only reliability.admins manage them)',
    async (_who, user, status, canManage) => {
      const list = await request(server)
        .get('/api/reliability/campaigns')
        .set('Authorization', mockCredentials.user.header(user));
      expect(list.status).toBe(200);
      expect(list.body.canManage).toBe(canManage);
      const id = `drive-${user.replace(/[^a-z]/g, '')}`;
      const res = await request(server)
        .put(`/api/reliability/campaigns/${id}`)
        .set('Authorization', mockCredentials.user.header(user))
        .send(campaign());
      expect(res.status).toBe(status);
    },
  );

  it('lets an unrestricted service token write, as documented (restrict it with accessRestrictions)', async () => {
    const res = await request(server)
      .post(SLI_EVENTS_PATH)
      .set('Authorization', mockCredentials.service.header())
      .send(sliEvents());
    expect(res.status).toBe(200);
  });
});
