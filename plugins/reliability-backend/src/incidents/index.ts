export { createIncidentsFeature } from './createIncidentsFeature';
export type { IncidentsFeature } from './createIncidentsFeature';
