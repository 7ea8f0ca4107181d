export { createOnCallFeature } from './createOnCallFeature';
export type { OnCallFeature } from './createOnCallFeature';
