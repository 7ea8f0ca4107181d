export { MyServicesReliabilityWidget } from './MyServicesReliabilityWidget';
export { MyTeamsOnCallWidget } from './MyTeamsOnCallWidget';
