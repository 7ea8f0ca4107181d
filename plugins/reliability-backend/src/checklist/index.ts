export { createChecklistFeature } from './createChecklistFeature';
export type { ChecklistFeature } from './createChecklistFeature';
