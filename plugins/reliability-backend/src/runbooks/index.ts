export { createRunbooksFeature } from './createRunbooksFeature';
export type { RunbooksFeature } from './createRunbooksFeature';
