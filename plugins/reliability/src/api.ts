import { createApiRef } from '@backstage/core-plugin-api';
import { ReliabilityApi } from '@internal/backstage-plugin-reliability-common';

/** The reliability backend API, as used by the frontend. @public */
export const reliabilityApiRef = createApiRef<ReliabilityApi>({
  id: 'plugin.reliability.api',
});
