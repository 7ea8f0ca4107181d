import {
  coreServices,
  createBackendModule,
  createServiceFactory,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  CatalogService,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  ANNOTATIONS,
  OnCallSnapshot,
  RUNBOOK_LINK_TYPE,
  SLO_RUNBOOK_ANNOTATION,
} from '@internal/backstage-plugin-reliability-common';
import {
  reliabilityOnCallProvidersExtensionPoint,
  reliabilitySliProvidersExtensionPoint,
} from '@internal/backstage-plugin-reliability-node';

/** Metric source type of the test SLI provider. */
export const ACTIONS_SLI_TYPE = 'actions-test';
/** The team owning every test service. */
export const TEAM_REF = 'group:default/checkout-payments';
/** The user the permission policy treats as an owner of the team's services. */
export const OWNER_REF = 'user:default/owner';
/** A user who owns nothing. */
export const STRANGER_REF = 'user:default/stranger';
/** URL of the runbook the checkout SLO's fast-burn alert names. */
export const ERROR_SPIKE_RUNBOOK_URL =
  'https://wiki.example.com/checkout/error-spike';

/** Share of good events the test SLI provider answers, per service name (others: 99.99%). */
const GOOD_RATIO: Record<string, number> = { 'checkout-api': 0.98 };

function sloYaml(serviceName: string): string {
  return `
apiVersion: openslo/v1
kind: SLO
metadata:
  name: ${serviceName}-availability
  displayName: ${serviceName} availability
spec:
  service: ${serviceName}
  budgetingMethod: Occurrences
  timeWindow:
    - duration: 28d
      isRolling: true
  objectives:
    - target: 0.99
  indicator:
    metadata:
      name: ${serviceName}-requests
    spec:
      ratioMetric:
        counter: true
        good:
          metricSource:
            type: ${ACTIONS_SLI_TYPE}
            spec: { query: good }
        total:
          metricSource:
            type: ${ACTIONS_SLI_TYPE}
            spec: { query: total }
  alertPolicies:
    - kind: AlertPolicy
      metadata:
        name: ${serviceName}-fast-burn
        annotations:
          ${SLO_RUNBOOK_ANNOTATION}: ${ERROR_SPIKE_RUNBOOK_URL}
      spec:
        alertWhenBreaching: true
        conditions:
          - kind: AlertCondition
            metadata:
              name: page-fast-burn
            spec:
              severity: page
              condition:
                kind: burnrate
                op: gte
                threshold: 14.4
                lookbackWindow: 1h
                alertAfter: 5m
`;
}

function service(name: string, links: Entity['metadata']['links']): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      title: `${name} title`,
      annotations: {
        [ANNOTATIONS.sloInline]: sloYaml(name),
        [ANNOTATIONS.pagerDutyServiceId]: `P-${name}`,
        [ANNOTATIONS.tier]: 'tier-1',
      },
      links,
    },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: TEAM_REF,
      system: 'checkout',
    },
    relations: [
      { type: 'ownedBy', targetRef: TEAM_REF },
      { type: 'partOf', targetRef: 'system:default/checkout' },
    ],
  };
}

/**
 * The test catalog: a team, a `checkout` system of two services (checkout-api burns its budget, search-api is
 * healthy), and `secret-api`, which {@link catalogHidingFromUsers} hides from users.
 */
export function actionEntities(): Entity[] {
  return [
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: 'checkout-payments', namespace: 'default' },
      spec: { type: 'team', children: [] },
    },
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'System',
      metadata: {
        name: 'checkout',
        namespace: 'default',
        title: 'Checkout',
        description: 'Takes the money.',
      },
      spec: { owner: TEAM_REF },
      relations: [
        { type: 'hasPart', targetRef: 'component:default/checkout-api' },
        { type: 'hasPart', targetRef: 'component:default/search-api' },
      ],
    },
    service('checkout-api', [
      {
        url: ERROR_SPIKE_RUNBOOK_URL,
        title: 'Checkout error spike',
        type: RUNBOOK_LINK_TYPE,
      },
      {
        url: 'https://wiki.example.com/checkout/latency',
        title: 'Checkout latency high: scale the pods',
        type: RUNBOOK_LINK_TYPE,
      },
    ]),
    service('search-api', []),
    service('secret-api', []),
  ];
}

type AnyFunction = (...args: unknown[]) => unknown;

/**
 * A catalog that hides `hiddenName` from users, as a catalog permission policy would; service credentials
 * (the plugin's background tasks) still see it.
 */
export function catalogHidingFromUsers(
  entities: Entity[],
  hiddenName: string,
): CatalogService {
  const all = catalogServiceMock({ entities });
  const visible = catalogServiceMock({
    entities: entities.filter(e => e.metadata.name !== hiddenName),
  });
  const isUserCall = (args: unknown[]) =>
    args.some(
      arg =>
        (arg as { credentials?: { principal?: { type?: string } } })
          ?.credentials?.principal?.type === 'user',
    );
  return new Proxy(all, {
    get(target, prop) {
      const method = (target as unknown as Record<PropertyKey, unknown>)[prop];
      if (typeof method !== 'function') return method;
      return (...args: unknown[]) => {
        const client = isUserCall(args) ? visible : target;
        const fn = (client as unknown as Record<PropertyKey, AnyFunction>)[
          prop
        ];
        return fn.apply(client, args);
      };
    },
  });
}

/** A catalog service factory serving `catalog`. */
export function catalogFactory(catalog: CatalogService) {
  return createServiceFactory({
    service: catalogServiceRef,
    deps: {},
    factory: () => catalog,
  });
}

/** A permission policy that allows everything to {@link OWNER_REF} and denies everything to other users. */
export function ownerOnlyPermissionsFactory() {
  const decide = (credentials: unknown) =>
    (credentials as { principal?: { userEntityRef?: string } })?.principal
      ?.userEntityRef === OWNER_REF
      ? AuthorizeResult.ALLOW
      : AuthorizeResult.DENY;
  const permissions: PermissionsService = {
    authorize: async (requests, options) =>
      requests.map(() => ({ result: decide(options?.credentials) })) as any,
    authorizeConditional: async (requests, options) =>
      requests.map(() => ({ result: decide(options?.credentials) })) as any,
  };
  return createServiceFactory({
    service: coreServices.permissions,
    deps: {},
    factory: () => permissions,
  });
}

/** A module adding the test SLI provider (good ratio per service) and an on-call provider (one person per service). */
export const actionsTestProvidersModule = createBackendModule({
  pluginId: 'reliability',
  moduleId: 'actions-test-providers',
  register(env) {
    env.registerInit({
      deps: {
        sli: reliabilitySliProvidersExtensionPoint,
        oncall: reliabilityOnCallProvidersExtensionPoint,
      },
      async init({ sli, oncall }) {
        sli.addSliProvider({
          type: ACTIONS_SLI_TYPE,
          async getEventCounts({ entity, from, to }) {
            const minutes = Math.max(
              1,
              Math.round((to.getTime() - from.getTime()) / 60_000),
            );
            const ratio = GOOD_RATIO[entity.metadata.name] ?? 0.9999;
            return {
              good: Math.round(minutes * 10_000 * ratio),
              total: minutes * 10_000,
            };
          },
        });
        oncall.addOnCallProvider({
          id: 'actions-test-oncall',
          supports: entity =>
            Boolean(
              entity.metadata.annotations?.[ANNOTATIONS.pagerDutyServiceId],
            ),
          async getOnCall({ entity, at }): Promise<OnCallSnapshot> {
            const end = new Date(at.getTime() + 3_600_000).toISOString();
            return {
              provider: 'actions-test-oncall',
              current: [
                {
                  person: {
                    name: `Primary of ${stringifyEntityRef(entity)}`,
                    email: 'primary@example.com',
                  },
                  escalationLevel: 1,
                  start: at.toISOString(),
                  end,
                },
              ],
              next: [
                {
                  person: { name: 'Next Person' },
                  escalationLevel: 1,
                  start: end,
                  end: null,
                },
              ],
              upcoming: [],
              escalation: [],
              computedAt: at.toISOString(),
            };
          },
        });
      },
    });
  },
});
