export { EntitySloReviewCard } from './EntitySloReviewCard';
