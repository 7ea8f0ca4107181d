/**
 * The Datadog SLI provider module of the reliability backend.
 *
 * @packageDocumentation
 */

export { reliabilityModuleDatadog as default } from './module';
export { DatadogSliProvider } from './DatadogSliProvider';
export { DatadogClient } from './DatadogClient';
export type { DatadogClientOptions, DatadogSloHistory } from './DatadogClient';
export type { DatadogConfig } from './config';
export { DatadogAlertSource } from './monitors/DatadogAlertSource';
export type { DatadogAlertSourceOptions } from './monitors/DatadogAlertSource';
export { DatadogMonitorsClient } from './monitors/DatadogMonitorsClient';
export type {
  DatadogMonitor,
  DatadogMonitorsClientOptions,
} from './monitors/DatadogMonitorsClient';
