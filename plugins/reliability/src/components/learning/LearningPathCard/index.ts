export { LearningPathCard } from './LearningPathCard';
