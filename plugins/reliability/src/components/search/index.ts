export { ReliabilitySearchResultListItem } from './searchResultListItemExtension';
export type { ReliabilitySearchResultListItemProps } from './ReliabilitySearchResultListItem';
