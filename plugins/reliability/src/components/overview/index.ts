export { ServicesTab } from './ServicesTab';
export { GroupSummariesTab } from './GroupSummariesTab';
export { ArchitectureTourTab } from './ArchitectureTourTab';
export { GlossaryTab } from './GlossaryTab';
