/*
 * The lazily loaded chunk of the SLO review report (a group's Reliability review tab, or the card on a system).
 * It was part of the entity page's chunk, which every service's page downloads though services never show it; the
 * group page's chunk would make a system's page wait for the charting library.
 */
export { EntitySloReviewCard } from '../components/policy/EntitySloReviewCard';
