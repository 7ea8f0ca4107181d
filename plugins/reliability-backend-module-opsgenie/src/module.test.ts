import { createBackendPlugin } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import {
  IncidentProvider,
  OnCallProvider,
  ProviderNotConfiguredError,
  reliabilityIncidentProvidersExtensionPoint,
  reliabilityOnCallProvidersExtensionPoint,
} from '@internal/backstage-plugin-reliability-node';
import { reliabilityModuleOpsgenie } from './module';
import { OpsgenieIncidentProvider } from './OpsgenieIncidentProvider';
import { OpsgenieOnCallProvider } from './OpsgenieOnCallProvider';

const annotated: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'checkout',
    annotations: { 'opsgenie.com/team': 'Payments' },
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
      reliabilityModuleOpsgenie,
      mockServices.rootConfig.factory({ data }),
      logger.factory,
    ],
  });
  return { providers, incidentProviders, logger };
}

describe('reliabilityModuleOpsgenie', () => {
  it('registers the Opsgenie on-call and incident providers', async () => {
    const { providers, incidentProviders, logger } = await startWith({
      reliability: { opsgenie: { apiKey: 'genie-key' } },
    });
    expect(providers).toHaveLength(1);
    expect(providers[0]).toBeInstanceOf(OpsgenieOnCallProvider);
    expect(incidentProviders).toHaveLength(1);
    expect(incidentProviders[0]).toBeInstanceOf(OpsgenieIncidentProvider);
    expect(logger.warn).not.toHaveBeenCalled();
  });

  it.each([
    ['without a reliability.opsgenie section', {}],
    [
      'with a section but no API key',
      {
        reliability: {
          opsgenie: { apiBaseUrl: 'https://api.eu.opsgenie.com' },
        },
      },
    ],
  ])(
    'installed but not configured (%s): registers the providers, warns once, answers "Opsgenie provider not configured"',
    async (_, data) => {
      const { providers, incidentProviders, logger } = await startWith(data);
      expect(providers.map(provider => provider.id)).toEqual(['opsgenie']);
      expect(logger.warn).toHaveBeenCalledTimes(1);
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringContaining(
          'Opsgenie module installed but reliability.opsgenie.apiKey is not configured',
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
        'Opsgenie provider not configured: set reliability.opsgenie.apiKey in app-config',
      );
      expect(incidentProviders.map(incident => incident.id)).toEqual([
        'opsgenie',
      ]);
      await expect(
        incidentProviders[0].getIncidents({
          entity: annotated,
          from: new Date(0),
          to: new Date(),
        }),
      ).rejects.toThrow(
        'Opsgenie provider not configured: set reliability.opsgenie.apiKey in app-config',
      );
    },
  );
});
