import {
  LoggerService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import {
  AlertSource,
  alertSourceFromConfig,
  SliProvider,
  sliProviderFromConfig,
} from '@internal/backstage-plugin-reliability-node';
import { readDatadogMonitorsConfig } from './monitors/config';
import {
  DATADOG_ALERT_SOURCE,
  DatadogAlertSource,
} from './monitors/DatadogAlertSource';
import { DatadogMonitorsClient } from './monitors/DatadogMonitorsClient';
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

/**
 * The Datadog alert source (monitors) configured from `reliability.datadog`; without that section, one whose
 * reads fail with "Datadog provider not configured" (the SLI provider gives the start-up warning). An invalid
 * section throws.
 */
export function datadogAlertSourceFromConfig(
  config: RootConfigService,
  logger: LoggerService,
): AlertSource {
  return alertSourceFromConfig({
    config,
    logger,
    vendor: 'Datadog',
    configKey: 'reliability.datadog',
    required:
      'reliability.datadog.apiKey and reliability.datadog.applicationKey',
    id: DATADOG_ALERT_SOURCE,
    read: c => {
      const settings = readDatadogConfig(c);
      return settings && { settings, monitors: readDatadogMonitorsConfig(c) };
    },
    create: ({ settings, monitors }) =>
      new DatadogAlertSource(new DatadogMonitorsClient(settings), monitors),
    quiet: true,
  });
}
