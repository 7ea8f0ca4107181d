export { createBackgroundWorkFeature } from './createBackgroundWorkFeature';
export type { BackgroundWorkFeature } from './createBackgroundWorkFeature';
