export { createActionsFeature } from './createActionsFeature';
export type { ActionsFeature } from './createActionsFeature';
export type { ActionSources } from './sources';
