export { ReliabilitySearchResultListItem } from './ReliabilitySearchResultListItem';
export type { ReliabilitySearchResultListItemProps } from './ReliabilitySearchResultListItem';
