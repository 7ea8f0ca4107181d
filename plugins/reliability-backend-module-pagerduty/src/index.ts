/**
 * PagerDuty on-call and incident providers for the reliability backend.
 *
 * @packageDocumentation
 */

export { reliabilityModulePagerduty as default } from './module';
export { PagerDutyOnCallProvider } from './PagerDutyOnCallProvider';
export { PagerDutyIncidentProvider } from './PagerDutyIncidentProvider';
