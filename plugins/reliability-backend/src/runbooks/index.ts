export { createRunbooksFeature } from './createRunbooksFeature';
export type { RunbooksFeature } from './createRunbooksFeature';
export type { SloDefinitionSource } from './SloDefinitionSource';
