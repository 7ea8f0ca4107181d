export { useEntityReliability } from './useEntityReliability';
