import {
  AuthService,
  BackstageCredentials,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { entityRefKey } from '@internal/backstage-plugin-reliability-common';

/** Who performs a write: the user's entity ref, or `service:<subject>` for service callers. */
export async function authorOf(
  credentials: BackstageCredentials,
  auth: AuthService,
  userInfo: UserInfoService,
): Promise<string> {
  if (auth.isPrincipal(credentials, 'user')) {
    const info = await userInfo.getUserInfo(credentials);
    return entityRefKey(parseEntityRef(info.userEntityRef));
  }
  if (auth.isPrincipal(credentials, 'service')) {
    return `service:${credentials.principal.subject}`;
  }
  return 'unknown';
}
