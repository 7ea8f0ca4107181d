import { createBackendModule } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  ANNOTATIONS,
  OnCallSnapshot,
} from '@internal/backstage-plugin-reliability-common';
import {
  IncidentProvider,
  OnCallProvider,
  reliabilityIncidentProvidersExtensionPoint,
  reliabilityOnCallProvidersExtensionPoint,
  reliabilitySliProvidersExtensionPoint,
  SliProvider,
} from '@internal/backstage-plugin-reliability-node';
import { TEST_SLI_TYPE } from './catalogFixtures';

const DAY_MS = 24 * 60 * 60 * 1000;

/** An SLI provider for `TEST_SLI_TYPE` answering 99.5% good events, counting its calls. */
export function countingSliProvider(): SliProvider & { calls: number } {
  const provider = {
    type: TEST_SLI_TYPE,
    calls: 0,
    async getEventCounts(request: { from: Date; to: Date }) {
      provider.calls += 1;
      const minutes = Math.max(
        1,
        Math.round((request.to.getTime() - request.from.getTime()) / 60_000),
      );
      return { good: minutes * 995, total: minutes * 1000 };
    },
  };
  return provider;
}

/** A backend module registering SLI providers with the reliability plugin. */
export function sliProviderModule(moduleId: string, provider: SliProvider) {
  return createBackendModule({
    pluginId: 'reliability',
    moduleId,
    register(env) {
      env.registerInit({
        deps: { sli: reliabilitySliProvidersExtensionPoint },
        async init({ sli }) {
          sli.addSliProvider(provider);
        },
      });
    },
  });
}

/**
 * An on-call provider for entities with a PagerDuty service annotation: one person on call in a daily shift
 * (UTC midnight to midnight), so refreshes on the same day see the same shift.
 */
export function fixedOnCallProvider(): OnCallProvider {
  return {
    id: 'security-test-oncall',
    supports: entity =>
      Boolean(entity.metadata.annotations?.[ANNOTATIONS.pagerDutyServiceId]),
    async getOnCall({ entity, at }): Promise<OnCallSnapshot> {
      const midnight = Math.floor(at.getTime() / DAY_MS) * DAY_MS;
      const start = new Date(midnight).toISOString();
      const end = new Date(midnight + DAY_MS).toISOString();
      return {
        provider: 'security-test-oncall',
        current: [
          {
            person: {
              name: `On-call of ${stringifyEntityRef(entity)}`,
              email: 'oncall@example.com',
            },
            escalationLevel: 1,
            start,
            end,
          },
        ],
        next: [],
        upcoming: [],
        escalation: [],
        computedAt: at.toISOString(),
      };
    },
  };
}

/** A backend module registering on-call providers with the reliability plugin. */
export function onCallProviderModule(
  moduleId: string,
  provider: OnCallProvider,
) {
  return createBackendModule({
    pluginId: 'reliability',
    moduleId,
    register(env) {
      env.registerInit({
        deps: { oncall: reliabilityOnCallProvidersExtensionPoint },
        async init({ oncall }) {
          oncall.addOnCallProvider(provider);
        },
      });
    },
  });
}

/**
 * An incident provider for entities with a PagerDuty service annotation: one resolved SEV-2 incident of the
 * entity that started two days before the requested interval ends.
 */
export function fixedIncidentProvider(): IncidentProvider {
  return {
    id: 'security-test-incidents',
    supports: entity =>
      Boolean(entity.metadata.annotations?.[ANNOTATIONS.pagerDutyServiceId]),
    async getIncidents({ entity, to }) {
      const start = to.getTime() - 2 * DAY_MS;
      return [
        {
          id: `PD-${entity.metadata.name}`,
          source: 'security-test-incidents',
          title: `Incident of ${stringifyEntityRef(entity)}`,
          severity: 'sev2',
          status: 'resolved',
          startedAt: new Date(start).toISOString(),
          acknowledgedAt: new Date(start + 60_000).toISOString(),
          resolvedAt: new Date(start + 3_600_000).toISOString(),
          url: null,
        },
      ];
    },
  };
}

/** A backend module registering incident providers with the reliability plugin. */
export function incidentProviderModule(
  moduleId: string,
  provider: IncidentProvider,
) {
  return createBackendModule({
    pluginId: 'reliability',
    moduleId,
    register(env) {
      env.registerInit({
        deps: { incidents: reliabilityIncidentProvidersExtensionPoint },
        async init({ incidents }) {
          incidents.addIncidentProvider(provider);
        },
      });
    },
  });
}
