export { createLearningFeature } from './createLearningFeature';
export type { LearningFeature } from './createLearningFeature';
