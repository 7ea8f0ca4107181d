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
