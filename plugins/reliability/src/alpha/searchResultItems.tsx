import { SearchResultListItemBlueprint } from '@backstage/plugin-search-react/alpha';
import { RELIABILITY_SEARCH_TYPE } from '@internal/backstage-plugin-reliability-common';
import VerifiedUserIcon from '@material-ui/icons/VerifiedUser';

/**
 * Search results of type `reliability` (runbooks, rollback procedures, postmortems, pre-mortems, SLOs) on the
 * search page. `search-result-list-item:reliability`.
 */
export const reliabilitySearchResultListItem =
  SearchResultListItemBlueprint.make({
    params: {
      icon: <VerifiedUserIcon />,
      predicate: result => result.type === RELIABILITY_SEARCH_TYPE,
      component: () =>
        import('../components/search/ReliabilitySearchResultListItem').then(
          m => m.ReliabilitySearchResultListItem,
        ),
    },
  });
