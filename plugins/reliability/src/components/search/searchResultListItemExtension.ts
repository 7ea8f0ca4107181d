import { createSearchResultListItemExtension } from '@backstage/plugin-search-react';
import { RELIABILITY_SEARCH_TYPE } from '@internal/backstage-plugin-reliability-common';
import { reliabilityPlugin } from '../../plugin';

/**
 * Search result list item for documents of type `reliability` (runbooks of every kind and SLOs), for search
 * pages of apps on the legacy frontend system: place it in `<SearchResult>` (it renders only reliability
 * results), or render it for `type === 'reliability'` in a custom result list.
 *
 * @public
 */
export const ReliabilitySearchResultListItem = reliabilityPlugin.provide(
  createSearchResultListItemExtension({
    name: 'ReliabilitySearchResultListItem',
    component: () =>
      import('./ReliabilitySearchResultListItem').then(
        m => m.ReliabilitySearchResultListItem,
      ),
    predicate: result => result.type === RELIABILITY_SEARCH_TYPE,
  }),
);
