export { reliabilityPlugin as default } from './plugin';
/**
 * The suite's permissions, re-exported so an app's permission policy can reference them with only the backend
 * plugin as a dependency.
 */
export {
  reliabilityAdminPermission,
  reliabilityAssessmentCreatePermission,
  reliabilityPermissions,
} from '@internal/backstage-plugin-reliability-common';
