/**
 * PagerDuty on-call provider for the reliability backend.
 *
 * @packageDocumentation
 */

export { reliabilityModulePagerduty as default } from './module';
export { PagerDutyOnCallProvider } from './PagerDutyOnCallProvider';
