export { MyServicesReliabilityWidget } from './MyServicesReliabilityWidget';
export { MyTeamsOnCallWidget } from './MyTeamsOnCallWidget';
export { MyLearningPathWidget } from './MyLearningPathWidget';
