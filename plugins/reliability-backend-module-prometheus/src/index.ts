/**
 * The Prometheus SLI provider module of the reliability backend.
 *
 * @packageDocumentation
 */

export { reliabilityModulePrometheus as default } from './module';
export { PrometheusSliProvider } from './PrometheusSliProvider';
export { PrometheusClient } from './PrometheusClient';
export type { PrometheusClientOptions } from './PrometheusClient';
export type { PrometheusConfig } from './config';
export { PrometheusAlertSource } from './alerts/PrometheusAlertSource';
export type { PrometheusAlertSourceOptions } from './alerts/PrometheusAlertSource';
export { PrometheusAlertsClient } from './alerts/PrometheusAlertsClient';
export type {
  PrometheusAlertsClientOptions,
  PrometheusActiveAlert,
  PrometheusAlertingRule,
  PrometheusSeries,
} from './alerts/PrometheusAlertsClient';
