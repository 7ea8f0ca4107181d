import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { isReliabilityAvailable } from '../isReliabilityAvailable';

/*
 * One card per area. They attach to the entity Overview tab (`entity-content:catalog/overview`, input `cards`)
 * and are disabled until the app enables them in `app.extensions`, where `attachTo` moves a card to any
 * other entity tab with a `cards` input and `config.filter` narrows the entities it shows on. The
 * Reliability tab shows all of them whatever is enabled here.
 */

/** The entity's SLOs: attainment, error budget, burn rate and alert state. `entity-card:reliability/slo`. */
export const reliabilitySloEntityCard = EntityCardBlueprint.make({
  name: 'slo',
  disabled: true,
  params: {
    filter: isReliabilityAvailable,
    loader: () => import('../lazy/entityPage').then(m => <m.EntitySloCard />),
  },
});

/** Who is on call for the entity now and next. `entity-card:reliability/oncall`. */
export const reliabilityOnCallEntityCard = EntityCardBlueprint.make({
  name: 'oncall',
  disabled: true,
  params: {
    filter: isReliabilityAvailable,
    loader: () =>
      import('../lazy/entityPage').then(m => <m.EntityOnCallCard />),
  },
});

/** The entity's runbooks and their SLO-alert coverage. `entity-card:reliability/runbooks`. */
export const reliabilityRunbooksEntityCard = EntityCardBlueprint.make({
  name: 'runbooks',
  disabled: true,
  params: {
    filter: isReliabilityAvailable,
    loader: () =>
      import('../lazy/entityPage').then(m => <m.EntityRunbooksCard />),
  },
});

/** The entity's maturity level and score. `entity-card:reliability/maturity`. */
export const reliabilityMaturityEntityCard = EntityCardBlueprint.make({
  name: 'maturity',
  disabled: true,
  params: {
    filter: isReliabilityAvailable,
    loader: () =>
      import('../lazy/entityPage').then(m => <m.EntityMaturityCard />),
  },
});

/** Who is on call now for a group's services. `entity-card:reliability/group-oncall`. */
export const reliabilityGroupOnCallEntityCard = EntityCardBlueprint.make({
  name: 'group-oncall',
  disabled: true,
  params: {
    filter: { kind: 'group' },
    loader: () =>
      import('../lazy/groupPage').then(m => <m.EntityGroupOnCallCard />),
  },
});

/** A team's maturity and SLO attainment over time. `entity-card:reliability/group-trends`. */
export const reliabilityGroupTrendsEntityCard = EntityCardBlueprint.make({
  name: 'group-trends',
  disabled: true,
  params: {
    filter: { kind: 'group' },
    loader: () =>
      import('../lazy/groupPage').then(m => <m.EntityGroupTrendsCard />),
  },
});

/** Monitoring coverage, gaps and noisy alerts of a group's entities. `entity-card:reliability/group-alerts`. */
export const reliabilityGroupAlertsEntityCard = EntityCardBlueprint.make({
  name: 'group-alerts',
  disabled: true,
  params: {
    filter: { kind: 'group' },
    loader: () =>
      import('../lazy/groupPage').then(m => <m.GroupAlertsCoverageCard />),
  },
});

/** Missing postmortems and open action items of a group's services. `entity-card:reliability/group-postmortems`. */
export const reliabilityGroupPostmortemsEntityCard = EntityCardBlueprint.make({
  name: 'group-postmortems',
  disabled: true,
  params: {
    filter: { kind: 'group' },
    loader: () =>
      import('../lazy/groupPage').then(m => <m.GroupPostmortemsCard />),
  },
});

/**
 * A team's aggregated onboarding progress through its learning path, when the team shares it.
 * `entity-card:reliability/group-learning`.
 */
export const reliabilityGroupLearningEntityCard = EntityCardBlueprint.make({
  name: 'group-learning',
  disabled: true,
  params: {
    filter: { kind: 'group' },
    loader: () =>
      import('../lazy/groupPage').then(m => <m.GroupLearningProgressCard />),
  },
});

/** The entity's error-budget policy state and deploy gate decisions. `entity-card:reliability/policy`. */
export const reliabilityPolicyEntityCard = EntityCardBlueprint.make({
  name: 'policy',
  disabled: true,
  params: {
    filter: isReliabilityAvailable,
    loader: () =>
      import('../lazy/entityPage').then(m => <m.EntityPolicyCard />),
  },
});

/** The entity's incidents, MTTA/MTTR and postmortems owed. `entity-card:reliability/incidents`. */
export const reliabilityIncidentsEntityCard = EntityCardBlueprint.make({
  name: 'incidents',
  disabled: true,
  params: {
    filter: isReliabilityAvailable,
    loader: () =>
      import('../lazy/entityPage').then(m => <m.EntityIncidentsCard />),
  },
});

/** The entity's alerts and monitors and their runbook coverage. `entity-card:reliability/alerts`. */
export const reliabilityAlertsEntityCard = EntityCardBlueprint.make({
  name: 'alerts',
  disabled: true,
  params: {
    filter: isReliabilityAvailable,
    loader: () =>
      import('../lazy/entityPage').then(m => <m.EntityAlertsCard />),
  },
});

/** The campaigns that concern the entity and what is left for it. `entity-card:reliability/campaigns`. */
export const reliabilityCampaignsEntityCard = EntityCardBlueprint.make({
  name: 'campaigns',
  disabled: true,
  params: {
    filter: isReliabilityAvailable,
    loader: () =>
      import('../lazy/entityPage').then(m => <m.EntityCampaignsCard />),
  },
});
