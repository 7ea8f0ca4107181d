export { LearningPathView, LEARNING_KIND_LABELS } from './LearningPathView';
