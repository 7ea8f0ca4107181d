export { useEntityReliability } from './useEntityReliability';
export { useReliabilityPagePath } from './useReliabilityPagePath';
