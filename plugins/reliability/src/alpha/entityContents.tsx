import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { hasSloDefinitions } from '@internal/backstage-plugin-reliability-common';
import { hasRunbooks } from '../components/runbooks/hasRunbooks';
import { isReliabilityAvailable } from '../isReliabilityAvailable';

/** The "Reliability" tab on catalog entity pages. */
export const reliabilityEntityContent = EntityContentBlueprint.make({
  name: 'reliability',
  params: {
    path: '/reliability',
    title: 'Reliability',
    filter: isReliabilityAvailable,
    loader: () =>
      import('../lazy/entityPage').then(m => <m.EntityReliabilityContent />),
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
      import('../lazy/entityPage').then(m => <m.EntityRunbooksContent />),
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
      import('../lazy/entityPage').then(m => <m.EntitySloContent />),
  },
});

/** The "Maturity" tab: score explained, its history and the self-assessment wizard. */
export const reliabilityMaturityEntityContent = EntityContentBlueprint.make({
  name: 'maturity',
  params: {
    path: '/maturity',
    title: 'Maturity',
    filter: isReliabilityAvailable,
    loader: () =>
      import('../components/checklist/EntityMaturityContent').then(m => (
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
    filter: { kind: 'group' },
    loader: () =>
      import('../lazy/groupPage').then(m => <m.GroupOnCallContent />),
  },
});

/**
 * The "Reliability review" tab of groups: the SLO review report of what the team owns (both windows of each SLO,
 * budget spenders, runbooks touched, checklist changes), printable, as Markdown or CSV. The scheduled report
 * notification (`reliability.reports.schedule`) links here.
 */
export const reliabilityGroupReviewEntityContent = EntityContentBlueprint.make({
  name: 'group-reliability-review',
  params: {
    path: '/reliability-review',
    title: 'Reliability review',
    filter: { kind: 'group' },
    loader: () =>
      import('../lazy/sloReview').then(m => <m.EntitySloReviewCard />),
  },
});
