export { ArchitectureTourTab } from './ArchitectureTourTab';
