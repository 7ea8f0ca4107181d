/***/
/**
 * The datadog backend module for the reliability plugin.
 *
 * @packageDocumentation
 */

export { reliabilityModuleDatadog as default } from './module';
