export { MyServicesReliabilityWidget } from './MyServicesReliabilityWidget';
