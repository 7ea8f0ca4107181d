export { createPolicyFeature } from './createPolicyFeature';
export type { PolicyFeature } from './createPolicyFeature';
