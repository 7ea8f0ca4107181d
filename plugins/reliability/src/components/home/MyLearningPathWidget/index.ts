export { MyLearningPathWidget } from './MyLearningPathWidget';
