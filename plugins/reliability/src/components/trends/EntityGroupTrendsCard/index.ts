export { EntityGroupTrendsCard } from './EntityGroupTrendsCard';
