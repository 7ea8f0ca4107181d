/**
 * The reliability plugin for the new frontend system: `import reliabilityPlugin from
 * '@internal/backstage-plugin-reliability/alpha'`.
 *
 * @packageDocumentation
 */
export { reliabilityPlugin as default } from './alpha/plugin';
