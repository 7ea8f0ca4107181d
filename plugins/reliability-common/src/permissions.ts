import { RESOURCE_TYPE_CATALOG_ENTITY } from '@backstage/plugin-catalog-common/alpha';
import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Submit a reliability-maturity self-assessment for a catalog entity.
 * A resource permission on catalog entities, so policies can use the catalog's
 * conditions (for example `isEntityOwner`) to allow only the owning group.
 *
 * @public
 */
export const reliabilityAssessmentCreatePermission = createPermission({
  name: 'reliability.assessment.create',
  attributes: { action: 'create' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/**
 * Write SLI event counts for a catalog entity into the embedded SLI store.
 *
 * @public
 */
export const reliabilitySliEventsWritePermission = createPermission({
  name: 'reliability.sli-events.write',
  attributes: { action: 'create' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/**
 * Write incidents of a catalog entity into the embedded incident source (`POST …/incidents`). A resource permission
 * on catalog entities, so policies can allow only the owning group or the tools acting for it.
 *
 * @public
 */
export const reliabilityIncidentsWritePermission = createPermission({
  name: 'reliability.incidents.write',
  attributes: { action: 'create' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/**
 * Write alerts, monitors and their firings of a catalog entity into the embedded alert source (`POST …/alerts`).
 * A resource permission on catalog entities, so policies can allow only the owning group or its tools.
 *
 * @public
 */
export const reliabilityAlertsWritePermission = createPermission({
  name: 'reliability.alerts.write',
  attributes: { action: 'create' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/**
 * Override the deploy gate of a catalog entity (break-glass): while the override is active, the gate answers
 * `allow` where the error-budget policy says `deny`. A resource permission on catalog entities, so policies can
 * allow only the owning group (`isEntityOwner`).
 *
 * @public
 */
export const reliabilityDeployGateOverridePermission = createPermission({
  name: 'reliability.deploy-gate.override',
  attributes: { action: 'create' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/**
 * Administer the reliability suite: write maturity assessments and SLI events for any entity, whoever owns it.
 *
 * @public
 */
export const reliabilityAdminPermission = createPermission({
  name: 'reliability.admin',
  attributes: { action: 'update' },
});

/**
 * Create, edit, start, finish and archive reliability campaigns (not those kept as code, which are read-only).
 *
 * @public
 */
export const reliabilityCampaignManagePermission = createPermission({
  name: 'reliability.campaign.manage',
  attributes: { action: 'update' },
});

/**
 * Tick items of a learning path off (or un-tick them). Only ever the caller's own progress in the paths of their
 * own teams; a policy may deny it (for example to guests) without hiding the paths.
 *
 * @public
 */
export const reliabilityLearningProgressPermission = createPermission({
  name: 'reliability.learning.progress.update',
  attributes: { action: 'update' },
});

/** Every permission of the suite, for `permissionsRegistry.addPermissions`. @public */
export const reliabilityPermissions = [
  reliabilityAssessmentCreatePermission,
  reliabilitySliEventsWritePermission,
  reliabilityDeployGateOverridePermission,
  reliabilityIncidentsWritePermission,
  reliabilityAlertsWritePermission,
  reliabilityAdminPermission,
  reliabilityCampaignManagePermission,
  reliabilityLearningProgressPermission,
];
