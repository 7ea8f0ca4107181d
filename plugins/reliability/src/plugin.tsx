import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import VerifiedUserIcon from '@material-ui/icons/VerifiedUser';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { ReliabilityClient } from '@internal/backstage-plugin-reliability-common';
import { reliabilityApiRef } from './api';
import { hasRunbooks } from './components/runbooks/hasRunbooks';
import { hasSloDefinitions } from './components/slo/hasSloDefinitions';
import { isReliabilityEntity } from './isReliabilityEntity';
import { rootRouteRef } from './routes';

/** Creates the API client talking to the reliability backend. */
export const reliabilityApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: reliabilityApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new ReliabilityClient({ discoveryApi, fetchApi }),
    }),
});

/** The org-wide reliability page at `/reliability`. */
export const reliabilityPage = PageBlueprint.make({
  params: {
    path: '/reliability',
    title: 'Reliability',
    icon: <VerifiedUserIcon fontSize="inherit" />,
    routeRef: rootRouteRef,
    loader: () =>
      import('./components/ReliabilityPage').then(m => <m.ReliabilityPage />),
  },
});

/** The "Reliability" tab on catalog entity pages. */
export const reliabilityEntityContent = EntityContentBlueprint.make({
  name: 'reliability',
  params: {
    path: '/reliability',
    title: 'Reliability',
    filter: isReliabilityEntity,
    loader: () =>
      import('./components/EntityReliabilityContent').then(m => (
        <m.EntityReliabilityContent />
      )),
  },
});

/** The "Runbooks" tab: an entity's runbooks, rendered and deep-linkable by `?runbook=<id>`. */
export const reliabilityRunbooksEntityContent = EntityContentBlueprint.make({
  name: 'runbooks',
  params: {
    path: '/runbooks',
    title: 'Runbooks',
    filter: hasRunbooks,
    loader: () =>
      import('./components/runbooks/EntityRunbooksContent').then(m => (
        <m.EntityRunbooksContent />
      )),
  },
});

/** The "SLOs" tab: error-budget burn-down and burn-rate history of each of the entity's SLOs. */
export const reliabilitySloEntityContent = EntityContentBlueprint.make({
  name: 'slos',
  params: {
    path: '/slos',
    title: 'SLOs',
    filter: hasSloDefinitions,
    loader: () =>
      import('./components/slo/EntitySloContent').then(m => (
        <m.EntitySloContent />
      )),
  },
});

/** The "Maturity" tab: score explained, its history and the self-assessment wizard. */
export const reliabilityMaturityEntityContent = EntityContentBlueprint.make({
  name: 'maturity',
  params: {
    path: '/maturity',
    title: 'Maturity',
    filter: isReliabilityEntity,
    loader: () =>
      import('./components/checklist/EntityMaturityContent').then(m => (
        <m.EntityMaturityContent />
      )),
  },
});

/** The "On-call" tab of groups: who is on call for the team's services, load per person, single-person rotations. */
export const reliabilityGroupOnCallEntityContent = EntityContentBlueprint.make({
  name: 'group-oncall',
  params: {
    path: '/oncall',
    title: 'On-call',
    filter: 'kind:group',
    loader: () =>
      import('./components/oncall/GroupOnCallContent').then(m => (
        <m.GroupOnCallContent />
      )),
  },
});

/**
 * The reliability frontend plugin (new frontend system).
 *
 * @public
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
    reliabilityMaturityEntityContent,
  ],
  routes: {
    root: rootRouteRef,
  },
});
