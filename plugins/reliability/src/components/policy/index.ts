export { EntityPolicyCard } from './EntityPolicyCard';
export { PolicyStateChip } from './PolicyStateChip';
