/***/
/**
 * The prometheus backend module for the reliability plugin.
 *
 * @packageDocumentation
 */

export { reliabilityModulePrometheus as default } from './module';
