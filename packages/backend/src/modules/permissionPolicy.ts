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
import {
  AuthorizeResult,
  isPermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { reliabilityAssessmentCreatePermission } from '@internal/backstage-plugin-reliability-backend';

const GROUP_REF = /^group:[^/:\s]+\/[^/:\s]+$/;

/**
 * Reads `reliability.admins`: full group refs (`group:<namespace>/<name>`) whose members may submit
 * maturity assessments for any entity. Throws at startup on anything else, so a typo cannot silently
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
  return new Set(admins.map(ref => ref.toLocaleLowerCase('en-US')));
}

/**
 * The demo app's permission policy.
 *
 * - Submitting a reliability-maturity assessment: allowed for members of a `reliability.admins` group,
 *   otherwise only for owners of the entity (a conditional decision the catalog resolves with `isEntityOwner`).
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
      isPermission(request.permission, reliabilityAssessmentCreatePermission)
    ) {
      if (!user) {
        return { result: AuthorizeResult.DENY };
      }
      const { ownershipEntityRefs } = await this.options.userInfo.getUserInfo(
        user.credentials,
      );
      if (
        ownershipEntityRefs.some(ref =>
          this.options.admins.has(ref.toLocaleLowerCase('en-US')),
        )
      ) {
        return { result: AuthorizeResult.ALLOW };
      }
      return createCatalogConditionalDecision(
        request.permission,
        catalogConditions.isEntityOwner({ claims: ownershipEntityRefs }),
      );
    }
    return { result: AuthorizeResult.ALLOW };
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
