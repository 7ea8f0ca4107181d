export { EntityGroupOnCallCard } from './EntityGroupOnCallCard';
