export { createSloFeature } from './createSloFeature';
export type { SloFeature } from './createSloFeature';
export type { SloDefinitionSource } from './SloDefinitionSource';
export { sliEventsBodySchema } from './embedded/sliEventsSchema';
