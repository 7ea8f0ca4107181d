import { Config } from '@backstage/config';
import { ProviderConfigError } from '@internal/backstage-plugin-reliability-node';
import { PrometheusAlertSourceOptions } from './PrometheusAlertSource';

/** Default of `reliability.prometheus.alerts.pagingSeverities`. */
export const DEFAULT_PAGING_SEVERITIES = ['critical', 'page'];

/** Reads `reliability.prometheus.alerts` (all optional). */
export function readPrometheusAlertsConfig(
  config: Config,
): PrometheusAlertSourceOptions {
  const section = config.getOptionalConfig('reliability.prometheus.alerts');
  const pagingSeverities =
    section?.getOptionalStringArray('pagingSeverities') ??
    DEFAULT_PAGING_SEVERITIES;
  const externalUrl = section
    ?.getOptionalString('externalUrl')
    ?.replace(/\/+$/, '');
  if (externalUrl !== undefined && !/^https?:\/\/[^\s]+$/i.test(externalUrl)) {
    throw new ProviderConfigError(
      'Prometheus',
      'reliability.prometheus.alerts.externalUrl must be an http(s) URL',
    );
  }
  return { pagingSeverities, externalUrl };
}
