import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import VerifiedUserIcon from '@material-ui/icons/VerifiedUser';
import { rootRouteRef, scaffolderTemplateRouteRef } from '../routes';
import { reliabilityApi } from './apis';
import {
  reliabilityAlertsEntityCard,
  reliabilityCampaignsEntityCard,
  reliabilityGroupAlertsEntityCard,
  reliabilityGroupLearningEntityCard,
  reliabilityGroupOnCallEntityCard,
  reliabilityGroupPostmortemsEntityCard,
  reliabilityGroupTrendsEntityCard,
  reliabilityIncidentsEntityCard,
  reliabilityMaturityEntityCard,
  reliabilityOnCallEntityCard,
  reliabilityPolicyEntityCard,
  reliabilityRunbooksEntityCard,
  reliabilitySloEntityCard,
} from './entityCards';
import {
  reliabilityEntityContent,
  reliabilityGroupOnCallEntityContent,
  reliabilityGroupReviewEntityContent,
  reliabilityMaturityEntityContent,
  reliabilityRunbooksEntityContent,
  reliabilitySloEntityContent,
} from './entityContents';
import {
  reliabilityMyLearningPathWidget,
  reliabilityMyServicesWidget,
  reliabilityMyTeamsOnCallWidget,
} from './homeWidgets';
import { reliabilityPage } from './pages';
import { reliabilitySearchResultListItem } from './searchResultItems';

/**
 * The reliability frontend plugin (new frontend system).
 *
 * @alpha
 */
export const reliabilityPlugin = createFrontendPlugin({
  pluginId: 'reliability',
  title: 'Reliability',
  icon: <VerifiedUserIcon fontSize="inherit" />,
  extensions: [
    reliabilityApi,
    reliabilityPage,
    reliabilityEntityContent,
    reliabilitySloEntityContent,
    reliabilityRunbooksEntityContent,
    reliabilityGroupOnCallEntityContent,
    reliabilityGroupReviewEntityContent,
    reliabilityMaturityEntityContent,
    reliabilitySloEntityCard,
    reliabilityOnCallEntityCard,
    reliabilityRunbooksEntityCard,
    reliabilityMaturityEntityCard,
    reliabilityGroupOnCallEntityCard,
    reliabilityGroupTrendsEntityCard,
    reliabilityGroupAlertsEntityCard,
    reliabilityGroupPostmortemsEntityCard,
    reliabilityGroupLearningEntityCard,
    reliabilityPolicyEntityCard,
    reliabilityIncidentsEntityCard,
    reliabilityAlertsEntityCard,
    reliabilityCampaignsEntityCard,
    reliabilityMyTeamsOnCallWidget,
    reliabilityMyServicesWidget,
    reliabilityMyLearningPathWidget,
    reliabilitySearchResultListItem,
  ],
  routes: {
    root: convertLegacyRouteRef(rootRouteRef),
  },
  externalRoutes: {
    scaffolderTemplate: convertLegacyRouteRef(scaffolderTemplateRouteRef),
  },
});
