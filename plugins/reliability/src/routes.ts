import { createRouteRef } from '@backstage/core-plugin-api';

/** The org-wide reliability page (`/reliability` in both frontend systems). @public */
export const rootRouteRef = createRouteRef({ id: 'reliability' });
