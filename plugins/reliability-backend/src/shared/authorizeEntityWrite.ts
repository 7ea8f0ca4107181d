import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import { reliabilityAdminPermission } from '@internal/backstage-plugin-reliability-common';

/**
 * Authorises a write on one catalog entity: allowed when the policy grants the entity-scoped resource permission
 * (typically a conditional `isEntityOwner` decision) or the suite's admin permission. Both are asked in one
 * `authorize` call. Throws NotAllowedError (HTTP 403) with `deniedMessage` otherwise.
 */
export async function authorizeEntityWrite(options: {
  permissions: PermissionsService;
  credentials: BackstageCredentials;
  permission: ResourcePermission<'catalog-entity'>;
  entityRef: string;
  deniedMessage: string;
}): Promise<void> {
  const { permissions, credentials, permission, entityRef } = options;
  const decisions = await permissions.authorize(
    [
      { permission, resourceRef: entityRef },
      { permission: reliabilityAdminPermission },
    ],
    { credentials },
  );
  if (!decisions.some(d => d.result === AuthorizeResult.ALLOW)) {
    throw new NotAllowedError(options.deniedMessage);
  }
}
