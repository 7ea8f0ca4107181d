import {
  LoggerService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import {
  SliProvider,
  sliProviderFromConfig,
} from '@internal/backstage-plugin-reliability-node';
import { readPrometheusConfig } from './config';
import { PrometheusClient } from './PrometheusClient';
import {
  PROMETHEUS_TYPE,
  PrometheusSliProvider,
} from './PrometheusSliProvider';

/**
 * The Prometheus SLI provider configured from `reliability.prometheus`; without that section, one that answers
 * every SLI with "Prometheus provider not configured" (after a start-up warning). An invalid section throws.
 */
export function prometheusProviderFromConfig(
  config: RootConfigService,
  logger: LoggerService,
): SliProvider {
  return sliProviderFromConfig({
    config,
    logger,
    vendor: 'Prometheus',
    configKey: 'reliability.prometheus',
    required: 'reliability.prometheus.baseUrl',
    type: PROMETHEUS_TYPE,
    read: readPrometheusConfig,
    create: settings =>
      new PrometheusSliProvider(new PrometheusClient(settings)),
  });
}
