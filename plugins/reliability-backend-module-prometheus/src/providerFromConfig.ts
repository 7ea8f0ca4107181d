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
import { readPrometheusAlertsConfig } from './alerts/config';
import { PrometheusAlertsClient } from './alerts/PrometheusAlertsClient';
import {
  PROMETHEUS_ALERT_SOURCE,
  PrometheusAlertSource,
} from './alerts/PrometheusAlertSource';
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

/**
 * The Prometheus alert source (alerting rules, active alerts, the `ALERTS` history) configured from
 * `reliability.prometheus`; without that section, one whose reads fail with "Prometheus provider not
 * configured" (the SLI provider gives the start-up warning). An invalid section throws.
 */
export function prometheusAlertSourceFromConfig(
  config: RootConfigService,
  logger: LoggerService,
): AlertSource {
  return alertSourceFromConfig({
    config,
    logger,
    vendor: 'Prometheus',
    configKey: 'reliability.prometheus',
    required: 'reliability.prometheus.baseUrl',
    id: PROMETHEUS_ALERT_SOURCE,
    read: c => {
      const settings = readPrometheusConfig(c);
      return settings && { settings, alerts: readPrometheusAlertsConfig(c) };
    },
    create: ({ settings, alerts }) =>
      new PrometheusAlertSource(new PrometheusAlertsClient(settings), alerts),
    quiet: true,
  });
}
