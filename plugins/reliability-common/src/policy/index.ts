export * from './types';
export * from './api';
export * from './evaluatePolicy';
export * from './defaultPolicy';
export * from './resolvePolicy';
export * from './report';
export * from './keepPolicyState';
export * from './policyStateLabel';
