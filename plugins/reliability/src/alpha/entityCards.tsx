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
    loader: () =>
      import('../components/slo/EntitySloCard').then(m => <m.EntitySloCard />),
  },
});

/** Who is on call for the entity now and next. `entity-card:reliability/oncall`. */
export const reliabilityOnCallEntityCard = EntityCardBlueprint.make({
  name: 'oncall',
  disabled: true,
  params: {
    filter: isReliabilityAvailable,
    loader: () =>
      import('../components/oncall/EntityOnCallCard').then(m => (
        <m.EntityOnCallCard />
      )),
  },
});

/** The entity's runbooks and their SLO-alert coverage. `entity-card:reliability/runbooks`. */
export const reliabilityRunbooksEntityCard = EntityCardBlueprint.make({
  name: 'runbooks',
  disabled: true,
  params: {
    filter: isReliabilityAvailable,
    loader: () =>
      import('../components/runbooks/EntityRunbooksCard').then(m => (
        <m.EntityRunbooksCard />
      )),
  },
});

/** The entity's maturity level and score. `entity-card:reliability/maturity`. */
export const reliabilityMaturityEntityCard = EntityCardBlueprint.make({
  name: 'maturity',
  disabled: true,
  params: {
    filter: isReliabilityAvailable,
    loader: () =>
      import('../components/checklist/EntityMaturityCard').then(m => (
        <m.EntityMaturityCard />
      )),
  },
});

/** Who is on call now for a group's services. `entity-card:reliability/group-oncall`. */
export const reliabilityGroupOnCallEntityCard = EntityCardBlueprint.make({
  name: 'group-oncall',
  disabled: true,
  params: {
    filter: { kind: 'group' },
    loader: () =>
      import('../components/oncall/EntityGroupOnCallCard').then(m => (
        <m.EntityGroupOnCallCard />
      )),
  },
});
