export { ServicesTab } from './ServicesTab';
export { GroupSummariesTab } from './GroupSummariesTab';
export { ArchitectureTourTab } from './ArchitectureTourTab';
export { GlossaryTab, GlossaryTerm } from './GlossaryTab';
export type { GlossaryTermId } from './GlossaryTab';
