export { EntityMaturityCard } from './EntityMaturityCard';
