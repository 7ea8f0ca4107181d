import { createBackendPlugin } from '@backstage/backend-plugin-api';
import {
  mockServices,
  registerMswTestHooks,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  IncidentProvider,
  OnCallProvider,
  ProviderBudgetExceededError,
  ProviderNotConfiguredError,
  reliabilityIncidentProvidersExtensionPoint,
  reliabilityOnCallProvidersExtensionPoint,
} from '@internal/backstage-plugin-reliability-node';
import { reliabilityModulePagerduty } from './module';
import { PagerDutyIncidentProvider } from './PagerDutyIncidentProvider';
import { PagerDutyOnCallProvider } from './PagerDutyOnCallProvider';

const annotated: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'checkout',
    annotations: { 'pagerduty.com/service-id': 'PSVC123' },
  },
};

async function startWith(data: object) {
  const providers: OnCallProvider[] = [];
  const incidentProviders: IncidentProvider[] = [];
  const logger = mockServices.logger.mock();
  const plugin = createBackendPlugin({
    pluginId: 'reliability',
    register(reg) {
      reg.registerExtensionPoint(reliabilityOnCallProvidersExtensionPoint, {
        addOnCallProvider: (...added) => providers.push(...added),
      });
      reg.registerExtensionPoint(reliabilityIncidentProvidersExtensionPoint, {
        addIncidentProvider: (...added) => incidentProviders.push(...added),
      });
      reg.registerInit({ deps: {}, async init() {} });
    },
  });
  await startTestBackend({
    features: [
      plugin,
      reliabilityModulePagerduty,
      mockServices.rootConfig.factory({ data }),
      logger.factory,
    ],
  });
  return { providers, incidentProviders, logger };
}

const server = setupServer();
registerMswTestHooks(server);

describe('reliabilityModulePagerduty', () => {
  it('gives its on-call and incident providers one shared request budget (reliability.pagerduty.budget)', async () => {
    let requests = 0;
    server.use(
      http.get('https://api.pagerduty.budget.test/*', () => {
        requests += 1;
        return HttpResponse.json(
          { error: { message: 'nope' } },
          { status: 404 },
        );
      }),
    );
    const { providers, incidentProviders } = await startWith({
      reliability: {
        pagerduty: {
          token: 'secret-token',
          apiBaseUrl: 'https://api.pagerduty.budget.test',
          budget: { requestsPerMinute: 1, maxWaitSeconds: 1 },
        },
      },
    });
    const at = new Date();
    // The on-call provider's request takes the minute's only turn...
    await expect(
      providers[0].getOnCall({ entity: annotated, at, horizonDays: 1 }),
    ).rejects.toThrow(/404/);
    // ...so the incident provider's request is not sent.
    await expect(
      incidentProviders[0].getIncidents({
        entity: annotated,
        from: new Date(at.getTime() - 86_400_000),
        to: at,
      }),
    ).rejects.toBeInstanceOf(ProviderBudgetExceededError);
    expect(requests).toBe(1);
  });

  it('registers the PagerDuty on-call and incident providers', async () => {
    const { providers, incidentProviders, logger } = await startWith({
      reliability: { pagerduty: { token: 'secret-token' } },
    });
    expect(providers).toHaveLength(1);
    expect(providers[0]).toBeInstanceOf(PagerDutyOnCallProvider);
    expect(incidentProviders).toHaveLength(1);
    expect(incidentProviders[0]).toBeInstanceOf(PagerDutyIncidentProvider);
    expect(logger.warn).not.toHaveBeenCalled();
  });

  it.each([
    ['without a reliability.pagerduty section', {}],
    [
      'with a section but no token',
      {
        reliability: {
          pagerduty: { apiBaseUrl: 'https://api.eu.pagerduty.com' },
        },
      },
    ],
  ])(
    'installed but not configured (%s): registers the providers, warns once, answers "PagerDuty provider not configured"',
    async (_, data) => {
      const { providers, incidentProviders, logger } = await startWith(data);
      expect(providers.map(provider => provider.id)).toEqual(['pagerduty']);
      expect(logger.warn).toHaveBeenCalledTimes(1);
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringContaining(
          'PagerDuty module installed but reliability.pagerduty.token is not configured',
        ),
      );
      const [provider] = providers;
      expect(provider.supports(annotated)).toBe(true);
      expect(
        provider.supports({ ...annotated, metadata: { name: 'other' } }),
      ).toBe(false);
      const error = await provider
        .getOnCall({ entity: annotated, at: new Date(), horizonDays: 7 })
        .catch(e => e);
      expect(error).toBeInstanceOf(ProviderNotConfiguredError);
      expect(error.message).toBe(
        'PagerDuty provider not configured: set reliability.pagerduty.token in app-config',
      );
      expect(incidentProviders.map(incident => incident.id)).toEqual([
        'pagerduty',
      ]);
      expect(incidentProviders[0].supports(annotated)).toBe(true);
      await expect(
        incidentProviders[0].getIncidents({
          entity: annotated,
          from: new Date(0),
          to: new Date(),
        }),
      ).rejects.toThrow(
        'PagerDuty provider not configured: set reliability.pagerduty.token in app-config',
      );
    },
  );
});
