export { GroupLearningProgressCard } from './GroupLearningProgressCard';
export { LearningPathCard } from './LearningPathCard';
export { MyLearningPaths } from './MyLearningPaths';
