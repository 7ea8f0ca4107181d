import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { reliabilityAdminPermission } from '@internal/backstage-plugin-reliability-common';

/** Whether the caller is allowed `reliability.admin` (a basic permission: ALLOW or DENY). */
export async function isReliabilityAdmin(
  permissions: PermissionsService,
  credentials: BackstageCredentials,
): Promise<boolean> {
  const [decision] = await permissions.authorize(
    [{ permission: reliabilityAdminPermission }],
    { credentials },
  );
  return decision?.result === AuthorizeResult.ALLOW;
}
