import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { ReliabilityClient } from '@internal/backstage-plugin-reliability-common';
import { reliabilityApiRef } from './api';
import { rootRouteRef, scaffolderTemplateRouteRef } from './routes';

/**
 * The reliability frontend plugin for apps on the legacy frontend system. Apps on the new frontend system
 * use the default export of this package's `/alpha` entry point instead (the package scope is not written
 * out here: TypeScript's `stripInternal` drops any declaration whose comment contains that scope).
 *
 * @public
 */
export const reliabilityPlugin = createPlugin({
  id: 'reliability',
  apis: [
    createApiFactory({
      api: reliabilityApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new ReliabilityClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: {
    root: rootRouteRef,
  },
  externalRoutes: {
    scaffolderTemplate: scaffolderTemplateRouteRef,
  },
});

/**
 * The org-wide reliability page: services, team and system roll-ups, architecture tour and glossary.
 * Mount it at `/reliability`.
 *
 * @public
 */
export const ReliabilityPage = reliabilityPlugin.provide(
  createRoutableExtension({
    name: 'ReliabilityPage',
    component: () =>
      import('./components/ReliabilityPage').then(m => m.ReliabilityPage),
    mountPoint: rootRouteRef,
  }),
);

/**
 * The "Reliability" entity tab: SLO, on-call, runbooks and maturity cards side by side.
 * Mount it at `/reliability` of the entity page, for entities passing `isReliabilityAvailable`.
 *
 * @public
 */
export const EntityReliabilityContent = reliabilityPlugin.provide(
  createComponentExtension({
    name: 'EntityReliabilityContent',
    component: {
      lazy: () =>
        import('./lazy/entityPage').then(m => m.EntityReliabilityContent),
    },
  }),
);

/**
 * The "SLOs" entity tab: burn-down and burn-rate history of each SLO. Mount it at `/slos` for entities
 * passing `hasSloDefinitions`.
 *
 * @public
 */
export const EntitySloContent = reliabilityPlugin.provide(
  createComponentExtension({
    name: 'EntitySloContent',
    component: {
      lazy: () => import('./lazy/entityPage').then(m => m.EntitySloContent),
    },
  }),
);

/**
 * The "Runbooks" entity tab (deep links `?runbook=<id>`). Mount it at `/runbooks` (the path the other
 * cards link to) for entities passing `hasRunbooks`.
 *
 * @public
 */
export const EntityRunbooksContent = reliabilityPlugin.provide(
  createComponentExtension({
    name: 'EntityRunbooksContent',
    component: {
      lazy: () =>
        import('./lazy/entityPage').then(m => m.EntityRunbooksContent),
    },
  }),
);

/**
 * The "Maturity" entity tab: score explained, history and self-assessment wizard. Mount it at
 * `/maturity` (the path the maturity card links to) for entities passing `isReliabilityAvailable`.
 *
 * @public
 */
export const EntityMaturityContent = reliabilityPlugin.provide(
  createComponentExtension({
    name: 'EntityMaturityContent',
    component: {
      lazy: () =>
        import('./components/checklist/EntityMaturityContent').then(
          m => m.EntityMaturityContent,
        ),
    },
  }),
);

/**
 * The "On-call" tab of groups: on call now per service, load per person, single-person rotations.
 *
 * @public
 */
export const EntityGroupOnCallContent = reliabilityPlugin.provide(
  createComponentExtension({
    name: 'EntityGroupOnCallContent',
    component: {
      lazy: () => import('./lazy/groupPage').then(m => m.GroupOnCallContent),
    },
  }),
);

/**
 * Card: the entity's SLOs with attainment, error budget, burn rate and alert state.
 *
 * @public
 */
export const EntitySloCard = reliabilityPlugin.provide(
  createComponentExtension({
    name: 'EntitySloCard',
    component: {
      lazy: () => import('./lazy/entityPage').then(m => m.EntitySloCard),
    },
  }),
);

/**
 * Card: who is on call for the entity now and next, escalation and contact.
 *
 * @public
 */
export const EntityOnCallCard = reliabilityPlugin.provide(
  createComponentExtension({
    name: 'EntityOnCallCard',
    component: {
      lazy: () => import('./lazy/entityPage').then(m => m.EntityOnCallCard),
    },
  }),
);

/**
 * Card: the entity's runbooks and their SLO-alert coverage.
 *
 * @public
 */
export const EntityRunbooksCard = reliabilityPlugin.provide(
  createComponentExtension({
    name: 'EntityRunbooksCard',
    component: {
      lazy: () => import('./lazy/entityPage').then(m => m.EntityRunbooksCard),
    },
  }),
);

/**
 * Card: the entity's maturity level and score.
 *
 * @public
 */
export const EntityMaturityCard = reliabilityPlugin.provide(
  createComponentExtension({
    name: 'EntityMaturityCard',
    component: {
      lazy: () => import('./lazy/entityPage').then(m => m.EntityMaturityCard),
    },
  }),
);

/**
 * Card for groups: who is on call now for each service the team owns.
 *
 * @public
 */
export const EntityGroupOnCallCard = reliabilityPlugin.provide(
  createComponentExtension({
    name: 'EntityGroupOnCallCard',
    component: {
      lazy: () => import('./lazy/groupPage').then(m => m.EntityGroupOnCallCard),
    },
  }),
);

/**
 * Card for a group: the maturity of the services the team owns over time and the share of its SLOs meeting target
 * per SLO window, from the daily trend snapshots. Place it on group entity pages.
 *
 * @public
 */
export const EntityGroupTrendsCard = reliabilityPlugin.provide(
  createComponentExtension({
    name: 'EntityGroupTrendsCard',
    component: {
      lazy: () => import('./lazy/groupPage').then(m => m.EntityGroupTrendsCard),
    },
  }),
);

/**
 * Card for groups: monitoring coverage of the entities the team owns: runbook coverage over their paging alerts,
 * gaps and noisy alerts.
 *
 * @public
 */
export const EntityGroupAlertsCoverageCard = reliabilityPlugin.provide(
  createComponentExtension({
    name: 'EntityGroupAlertsCoverageCard',
    component: {
      lazy: () =>
        import('./lazy/groupPage').then(m => m.GroupAlertsCoverageCard),
    },
  }),
);

/**
 * Card for groups: missing and overdue postmortems and open action items of the team's services.
 *
 * @public
 */
export const EntityGroupPostmortemsCard = reliabilityPlugin.provide(
  createComponentExtension({
    name: 'EntityGroupPostmortemsCard',
    component: {
      lazy: () => import('./lazy/groupPage').then(m => m.GroupPostmortemsCard),
    },
  }),
);

/**
 * Card for groups: "Onboarding progress", how many of the team's members finished each item of its learning path
 * (aggregated, never per person), shown only when the team opts in with `spec.shareProgress: true` in its path
 * file; otherwise the card explains why there are no numbers.
 *
 * @public
 */
export const EntityGroupLearningProgressCard = reliabilityPlugin.provide(
  createComponentExtension({
    name: 'EntityGroupLearningProgressCard',
    component: {
      lazy: () =>
        import('./lazy/groupPage').then(m => m.GroupLearningProgressCard),
    },
  }),
);

/**
 * The SLO review report of a Group (what the team owns) or a System (its parts): both windows of each SLO, budget
 * spenders, runbooks touched and checklist changes; printable, as Markdown or CSV. Renders nothing on other kinds.
 * On groups, mount it as a "Reliability review" tab at `/reliability-review` (the path the scheduled report
 * notification links to).
 *
 * @public
 */
export const EntitySloReviewCard = reliabilityPlugin.provide(
  createComponentExtension({
    name: 'EntitySloReviewCard',
    component: {
      lazy: () => import('./lazy/sloReview').then(m => m.EntitySloReviewCard),
    },
  }),
);

/**
 * Card: the entity's error-budget policy: the state of each SLO (deploys allowed, in review or frozen),
 * since when, active overrides and the deploy gate's recent decisions.
 *
 * @public
 */
export const EntityPolicyCard = reliabilityPlugin.provide(
  createComponentExtension({
    name: 'EntityPolicyCard',
    component: {
      lazy: () => import('./lazy/entityPage').then(m => m.EntityPolicyCard),
    },
  }),
);

/**
 * Card: the entity's incidents of the last 90 days, MTTA and MTTR per severity, and the postmortems owed.
 *
 * @public
 */
export const EntityIncidentsCard = reliabilityPlugin.provide(
  createComponentExtension({
    name: 'EntityIncidentsCard',
    component: {
      lazy: () => import('./lazy/entityPage').then(m => m.EntityIncidentsCard),
    },
  }),
);

/**
 * Card: the entity's alerts and monitors (state, paging, runbook, noise) and their runbook coverage.
 *
 * @public
 */
export const EntityAlertsCard = reliabilityPlugin.provide(
  createComponentExtension({
    name: 'EntityAlertsCard',
    component: {
      lazy: () => import('./lazy/entityPage').then(m => m.EntityAlertsCard),
    },
  }),
);

/**
 * Card: the reliability campaigns that concern the entity and what is left for it.
 *
 * @public
 */
export const EntityCampaignsCard = reliabilityPlugin.provide(
  createComponentExtension({
    name: 'EntityCampaignsCard',
    component: {
      lazy: () => import('./lazy/entityPage').then(m => m.EntityCampaignsCard),
    },
  }),
);
