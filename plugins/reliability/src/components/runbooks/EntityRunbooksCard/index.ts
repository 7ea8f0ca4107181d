export { EntityRunbooksCard } from './EntityRunbooksCard';
