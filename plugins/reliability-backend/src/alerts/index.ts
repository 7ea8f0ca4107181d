export { createAlertsFeature } from './createAlertsFeature';
export type { AlertsFeature } from './createAlertsFeature';
