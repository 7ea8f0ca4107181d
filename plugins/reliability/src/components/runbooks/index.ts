export { EntityRunbooksCard } from './EntityRunbooksCard';
export { EntityRunbooksContent } from './EntityRunbooksContent';
export { hasRunbooks } from './hasRunbooks';
