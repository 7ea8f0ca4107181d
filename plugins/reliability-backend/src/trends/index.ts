export { createTrendsFeature } from './createTrendsFeature';
export type { TrendsFeature } from './createTrendsFeature';
