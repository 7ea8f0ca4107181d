export { GroupLearningProgressCard } from './GroupLearningProgressCard';
