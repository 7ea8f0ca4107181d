/**
 * Frontend plugin of the reliability suite. The package root serves apps on the legacy frontend system
 * (plugin, page, entity tabs, cards and `EntitySwitch` conditions); apps on the new frontend system import
 * the default export of this package's `/alpha` entry point (the package scope is not written out in these
 * comments: TypeScript's `stripInternal` drops any declaration whose comment contains it).
 *
 * @packageDocumentation
 */
export {
  reliabilityPlugin,
  ReliabilityPage,
  EntityReliabilityContent,
  EntitySloContent,
  EntityRunbooksContent,
  EntityMaturityContent,
  EntityGroupOnCallContent,
  EntitySloCard,
  EntityOnCallCard,
  EntityRunbooksCard,
  EntityMaturityCard,
  EntityGroupOnCallCard,
  EntityGroupTrendsCard,
  EntityGroupAlertsCoverageCard,
  EntityGroupPostmortemsCard,
  EntityGroupLearningProgressCard,
  EntitySloReviewCard,
  EntityPolicyCard,
  EntityIncidentsCard,
  EntityAlertsCard,
  EntityCampaignsCard,
} from './plugin';
export { reliabilityApiRef } from './api';
export { rootRouteRef, scaffolderTemplateRouteRef } from './routes';
export { isReliabilityAvailable } from './isReliabilityAvailable';
export { hasRunbooks } from './components/runbooks/hasRunbooks';
export { GlossaryTerm } from './components/overview';
export type { GlossaryTermId } from './components/overview';
export { ReliabilitySearchResultListItem } from './components/search';
export type { ReliabilitySearchResultListItemProps } from './components/search';
export { hasSloDefinitions } from '@internal/backstage-plugin-reliability-common';
