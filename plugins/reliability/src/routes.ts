import { createRouteRef } from '@backstage/frontend-plugin-api';

/** The org-wide `/reliability` page. @public */
export const rootRouteRef = createRouteRef();
