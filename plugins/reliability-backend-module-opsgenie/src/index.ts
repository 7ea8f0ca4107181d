/**
 * Opsgenie on-call and incident providers for the reliability backend.
 *
 * @packageDocumentation
 */

export { reliabilityModuleOpsgenie as default } from './module';
export { OpsgenieOnCallProvider } from './OpsgenieOnCallProvider';
export { OpsgenieIncidentProvider } from './OpsgenieIncidentProvider';
