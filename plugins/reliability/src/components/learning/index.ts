export { LearningPathCard } from './LearningPathCard';
export { MyLearningPaths } from './MyLearningPaths';
