import {
  coreServices,
  createBackendModule,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import { RESOURCE_TYPE_CATALOG_ENTITY } from '@backstage/plugin-catalog-common/alpha';
import {
  AuthorizeResult,
  isPermission,
  isResourcePermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import {
  reliabilityAdminPermission,
  reliabilityAssessmentCreatePermission,
  reliabilityCampaignManagePermission,
  reliabilityDeployGateOverridePermission,
  reliabilityIncidentsWritePermission,
  reliabilitySliEventsWritePermission,
} from '@internal/backstage-plugin-reliability-common';

const GROUP_REF = /^group:[^/:\s]+\/[^/:\s]+$/;

/**
 * Reads `reliability.admins`: full group refs (`group:<namespace>/<name>`) whose members hold the
 * `reliability.admin` permission (they may write assessments and SLI events for any entity, decide exemptions)
 * and `reliability.campaign.manage` (create and edit campaigns). Throws at startup on anything else, so a typo cannot silently
 * lock admins out.
 */
export function readReliabilityAdmins(config: Config): Set<string> {
  const admins = config.getOptionalStringArray('reliability.admins') ?? [];
  for (const ref of admins) {
    if (!GROUP_REF.test(ref)) {
      throw new Error(
        `Invalid reliability.admins entry '${ref}': expected a group ref like 'group:default/sre'`,
      );
    }
  }
  return new Set(admins.map(ref => ref.toLowerCase()));
}

/** Entity-scoped writes of the suite that owners of the entity may perform. */
const OWNER_WRITE_PERMISSIONS = new Set([
  reliabilityAssessmentCreatePermission.name,
  reliabilitySliEventsWritePermission.name,
  reliabilityDeployGateOverridePermission.name,
  reliabilityIncidentsWritePermission.name,
]);

/**
 * The demo app's permission policy.
 *
 * - `reliability.admin` and `reliability.campaign.manage`: allowed for members of a `reliability.admins` group
 *   (they may write for any entity, decide exemptions, create and edit campaigns); denied to everyone else.
 * - Entity-scoped writes (maturity assessments, SLI events, deploy-gate overrides, incidents): allowed for owners of the entity, as a conditional
 *   decision the catalog resolves with `isEntityOwner`.
 * - Everything else: allowed (reads stay open to anyone signed in).
 */
export class ReliabilityPermissionPolicy implements PermissionPolicy {
  constructor(
    private readonly options: {
      admins: Set<string>;
      userInfo: Pick<UserInfoService, 'getUserInfo'>;
    },
  ) {}

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    if (
      isPermission(request.permission, reliabilityAdminPermission) ||
      isPermission(request.permission, reliabilityCampaignManagePermission)
    ) {
      const claims = await this.ownershipOf(user);
      const isAdmin = claims.some(ref =>
        this.options.admins.has(ref.toLowerCase()),
      );
      return { result: isAdmin ? AuthorizeResult.ALLOW : AuthorizeResult.DENY };
    }
    if (
      isResourcePermission(request.permission, RESOURCE_TYPE_CATALOG_ENTITY) &&
      OWNER_WRITE_PERMISSIONS.has(request.permission.name)
    ) {
      if (!user) {
        return { result: AuthorizeResult.DENY };
      }
      return createCatalogConditionalDecision(
        request.permission,
        catalogConditions.isEntityOwner({
          claims: await this.ownershipOf(user),
        }),
      );
    }
    return { result: AuthorizeResult.ALLOW };
  }

  private async ownershipOf(user?: PolicyQueryUser): Promise<string[]> {
    if (!user) {
      return [];
    }
    const { ownershipEntityRefs } = await this.options.userInfo.getUserInfo(
      user.credentials,
    );
    return ownershipEntityRefs;
  }
}

/** Installs {@link ReliabilityPermissionPolicy} as the permission backend's policy. */
export const reliabilityPermissionPolicyModule = createBackendModule({
  pluginId: 'permission',
  moduleId: 'reliability-policy',
  register(reg) {
    reg.registerInit({
      deps: {
        policy: policyExtensionPoint,
        config: coreServices.rootConfig,
        userInfo: coreServices.userInfo,
      },
      async init({ policy, config, userInfo }) {
        policy.setPolicy(
          new ReliabilityPermissionPolicy({
            admins: readReliabilityAdmins(config),
            userInfo,
          }),
        );
      },
    });
  },
});
