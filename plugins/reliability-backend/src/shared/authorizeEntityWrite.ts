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

/** What to ask the permission framework about a write on one catalog entity. */
export interface EntityWriteCheck {
  permissions: PermissionsService;
  credentials: BackstageCredentials;
  permission: ResourcePermission<'catalog-entity'>;
  entityRef: string;
}

/**
 * Whether the caller may write to one catalog entity: true when the policy grants the entity-scoped resource
 * permission (typically a conditional `isEntityOwner` decision) or the suite's admin permission. Both are asked
 * in one `authorize` call. Use it to tell the UI what the caller may do; writes go through `authorizeEntityWrite`.
 */
export async function canWriteEntity(
  options: EntityWriteCheck,
): Promise<boolean> {
  const { permissions, credentials, permission, entityRef } = options;
  const decisions = await permissions.authorize(
    [
      { permission, resourceRef: entityRef },
      { permission: reliabilityAdminPermission },
    ],
    { credentials },
  );
  return decisions.some(d => d.result === AuthorizeResult.ALLOW);
}

/**
 * Authorises a write on one catalog entity (see `canWriteEntity`). Throws NotAllowedError (HTTP 403) with
 * `deniedMessage` when neither permission is granted.
 */
export async function authorizeEntityWrite(
  options: EntityWriteCheck & { deniedMessage: string },
): Promise<void> {
  if (!(await canWriteEntity(options))) {
    throw new NotAllowedError(options.deniedMessage);
  }
}
