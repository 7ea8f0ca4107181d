import { OnCallSnapshot } from '@internal/backstage-plugin-reliability-common';
import { OnCallRefresh } from '../store/OnCallStore';

/** What `saveRefreshes` stores when the provider answered `snapshot` for the entity at `at`. */
export function snapshotRefresh(
  entityRef: string,
  snapshot: OnCallSnapshot,
  at: Date,
): OnCallRefresh {
  return { entityRef, at, snapshot };
}

/** What `saveRefreshes` stores when the provider (the fake one by default) failed with `error` at `at`. */
export function errorRefresh(
  entityRef: string,
  error: string,
  at: Date,
  provider = 'fake',
): OnCallRefresh {
  return { entityRef, at, provider, error };
}
