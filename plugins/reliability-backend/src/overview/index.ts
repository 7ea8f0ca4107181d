export { createOverviewFeature } from './createOverviewFeature';
export type { OverviewFeature } from './createOverviewFeature';
