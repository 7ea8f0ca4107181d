import {
  LoggerService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import {
  SliProvider,
  sliProviderFromConfig,
} from '@internal/backstage-plugin-reliability-node';
import { readDatadogConfig } from './config';
import { DatadogClient } from './DatadogClient';
import { DATADOG_TYPE, DatadogSliProvider } from './DatadogSliProvider';

/**
 * The Datadog SLI provider configured from `reliability.datadog`; without that section, one that answers every
 * SLI with "Datadog provider not configured" (after a start-up warning). An invalid section throws.
 */
export function datadogProviderFromConfig(
  config: RootConfigService,
  logger: LoggerService,
): SliProvider {
  return sliProviderFromConfig({
    config,
    logger,
    vendor: 'Datadog',
    configKey: 'reliability.datadog',
    required:
      'reliability.datadog.apiKey and reliability.datadog.applicationKey',
    type: DATADOG_TYPE,
    read: readDatadogConfig,
    create: settings => new DatadogSliProvider(new DatadogClient(settings)),
  });
}
