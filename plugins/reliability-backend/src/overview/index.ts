export { createOverviewFeature } from './createOverviewFeature';
export type { OverviewSources, MaturityLevelIndex } from './sources';
