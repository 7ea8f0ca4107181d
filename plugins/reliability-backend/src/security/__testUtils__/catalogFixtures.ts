import { createServiceFactory } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { JsonObject } from '@backstage/types';
import {
  CatalogService,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  ANNOTATIONS,
  RUNBOOK_LINK_TYPE,
} from '@internal/backstage-plugin-reliability-common';
import {
  learningPathUrl,
  learningPathYaml,
  learningUrlReader,
  teamGroup,
  teamUser,
} from '../../learning/__testUtils__/learningFixtures';

/** Type of the SLI metric source the test SLI provider serves. */
export const TEST_SLI_TYPE = 'security-test';

/** One 99% availability SLO over 30 days, read from the test SLI provider. */
export function inlineSloYaml(sloName = 'checkout-availability'): string {
  return `
apiVersion: openslo/v1
kind: SLO
metadata:
  name: ${sloName}
spec:
  service: checkout
  budgetingMethod: Occurrences
  timeWindow:
    - duration: 30d
      isRolling: true
  objectives:
    - target: 0.99
  indicator:
    metadata:
      name: checkout-requests
    spec:
      ratioMetric:
        counter: true
        good:
          metricSource:
            type: ${TEST_SLI_TYPE}
            spec: { query: good }
        total:
          metricSource:
            type: ${TEST_SLI_TYPE}
            spec: { query: total }
`;
}

/**
 * A service component with data for every area: an inline SLO, a PagerDuty service (served by the test on-call
 * provider), a runbook link, and an owner group.
 */
export function serviceEntity(name = 'checkout-api'): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      uid: `uid-${name}`,
      annotations: {
        'backstage.io/managed-by-location': `url:https://example.com/${name}/catalog-info.yaml`,
        [ANNOTATIONS.sloInline]: inlineSloYaml(),
        [ANNOTATIONS.pagerDutyServiceId]: `P-${name}`,
      },
      links: [
        {
          url: `https://example.com/${name}/runbook`,
          title: 'Rollback',
          type: RUNBOOK_LINK_TYPE,
        },
      ],
    },
    spec: {
      type: 'service',
      owner: 'group:default/checkout-payments',
      lifecycle: 'production',
      system: 'checkout',
    },
    relations: [
      { type: 'ownedBy', targetRef: 'group:default/checkout-payments' },
    ],
  };
}

/** An entity of another kind named like the sample route parameters (`checkout-api`). */
function namedEntity(kind: string, spec: JsonObject): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name: 'checkout-api', namespace: 'default' },
    spec,
  };
}

/** Entities for every entity-scoped route's sample parameters (component, group, system, domain). */
export function sampleEntities(): Entity[] {
  return [
    serviceEntity(),
    // The team of the signed-in test user (user:default/mock), with a learning path (learningPathUrlReader).
    teamGroup('checkout-api'),
    teamUser('mock', ['checkout-api']),
    namedEntity('System', { owner: 'group:default/checkout-payments' }),
    namedEntity('Domain', { owner: 'group:default/checkout-payments' }),
  ];
}

/** A catalog service factory over a given (mutable) catalog instance. */
export function catalogFactory(catalog: CatalogService) {
  return createServiceFactory({
    service: catalogServiceRef,
    deps: {},
    factory: () => catalog,
  });
}

type AnyFunction = (...args: unknown[]) => unknown;

function isUserCall(args: unknown[]): boolean {
  return args.some(
    arg =>
      typeof arg === 'object' &&
      arg !== null &&
      (arg as { credentials?: { principal?: { type?: string } } }).credentials
        ?.principal?.type === 'user',
  );
}

/**
 * A catalog holding `entities` that shows none of them to users, as a catalog permission policy denying reads
 * would; the plugin's own service credentials (background tasks) still see everything.
 */
export function catalogHiddenFromUsers(entities: Entity[]): CatalogService {
  const visible = catalogServiceMock({ entities });
  const empty = catalogServiceMock({ entities: [] });
  return new Proxy(visible, {
    get(target, prop) {
      const method = (target as unknown as Record<PropertyKey, unknown>)[prop];
      if (typeof method !== 'function') return method;
      return (...args: unknown[]) => {
        const client = isUserCall(args) ? empty : target;
        const fn = (client as unknown as Record<PropertyKey, AnyFunction>)[
          prop
        ];
        return fn.apply(client, args);
      };
    },
  });
}

/** A URL reader serving the learning path of the sample Group (`checkout-api`); anything else is a 404. */
export function learningPathUrlReader() {
  return learningUrlReader({
    [learningPathUrl('checkout-api')]: learningPathYaml(),
  });
}
