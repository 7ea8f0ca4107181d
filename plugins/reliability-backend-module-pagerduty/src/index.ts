/***/
/**
 * The pagerduty backend module for the reliability plugin.
 *
 * @packageDocumentation
 */

export { reliabilityModulePagerduty as default } from './module';
