/**
 * The reliability plugin for the new frontend system: the default export of this `/alpha` entry point
 * (the package scope is not written out here: TypeScript's `stripInternal` drops any declaration whose
 * comment contains it).
 *
 * @packageDocumentation
 */
export { reliabilityPlugin as default } from './alpha/plugin';
