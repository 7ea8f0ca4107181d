/**
 * Opsgenie on-call provider for the reliability backend.
 *
 * @packageDocumentation
 */

export { reliabilityModuleOpsgenie as default } from './module';
export { OpsgenieOnCallProvider } from './OpsgenieOnCallProvider';
