/* One lazily loaded chunk for the plugin's home page widgets, which the home page shows together. */
export { MyTeamsOnCallWidget } from '../components/home/MyTeamsOnCallWidget';
export { MyServicesReliabilityWidget } from '../components/home/MyServicesReliabilityWidget';
export { MyLearningPathWidget } from '../components/home/MyLearningPathWidget';
