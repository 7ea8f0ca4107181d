import { mockServices } from '@backstage/backend-test-utils';
import {
  SliIndicator,
  SloDefinition,
} from '@internal/backstage-plugin-reliability-common';
import { ProviderConfigError } from '@internal/backstage-plugin-reliability-node';
import { prometheusProviderFromConfig } from './providerFromConfig';

const indicator: SliIndicator = {
  name: 'availability',
  ratio: {
    total: { type: 'prometheus', spec: { query: 'requests_total' } },
    good: { type: 'prometheus', spec: {} },
  },
};
const slo: SloDefinition = {
  name: 'availability',
  indicator,
  window: { kind: 'rolling', durationSeconds: 3600, label: '1h' },
  budgetingMethod: 'Occurrences',
  objectives: [{ target: 0.99 }],
  alertPolicies: [],
};
const request = {
  entity: {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'x' },
  },
  slo,
  indicator,
  from: new Date(0),
  to: new Date(3600_000),
};

describe('PrometheusSliProvider', () => {
  it('warns at startup and fails clearly at query time when not configured', async () => {
    const logger = mockServices.logger.mock();
    const provider = prometheusProviderFromConfig(
      mockServices.rootConfig(),
      logger,
    );
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('reliability.prometheus is not configured'),
    );
    await expect(provider.getEventCounts(request)).rejects.toThrow(
      ProviderConfigError,
    );
  });

  it('rejects an invalid base URL at startup', () => {
    expect(() =>
      prometheusProviderFromConfig(
        mockServices.rootConfig({
          data: { reliability: { prometheus: { baseUrl: 'ftp://x' } } },
        }),
        mockServices.logger.mock(),
      ),
    ).toThrow('reliability.prometheus.baseUrl must be an http(s) URL');
  });

  it('explains a metric source without spec.query', async () => {
    const provider = prometheusProviderFromConfig(
      mockServices.rootConfig({
        data: {
          reliability: { prometheus: { baseUrl: 'http://prometheus.test' } },
        },
      }),
      mockServices.logger.mock(),
    );
    await expect(provider.getEventCounts(request)).rejects.toThrow(
      'The good metric source of a prometheus SLI needs spec.query',
    );
  });
});
