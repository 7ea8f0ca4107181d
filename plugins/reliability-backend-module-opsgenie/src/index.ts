/***/
/**
 * The opsgenie backend module for the reliability plugin.
 *
 * @packageDocumentation
 */

export { reliabilityModuleOpsgenie as default } from './module';
