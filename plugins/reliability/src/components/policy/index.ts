export { EntityPolicyCard } from './EntityPolicyCard';
export { EntitySloReviewCard } from './EntitySloReviewCard';
export { SloReviewReport } from './SloReviewReport';
export { PolicyStateChip } from './PolicyStateChip';
export { sloReviewScope } from './sloReviewScope';
