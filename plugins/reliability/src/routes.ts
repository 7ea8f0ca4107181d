import {
  createExternalRouteRef,
  createRouteRef,
} from '@backstage/core-plugin-api';

/** The org-wide reliability page (`/reliability` in both frontend systems). @public */
export const rootRouteRef = createRouteRef({ id: 'reliability' });

/**
 * A software template's page of the scaffolder (`/create/templates/:namespace/:templateName`). Optional: bind it
 * to the scaffolder's `selectedTemplate` route and failing checklist items that a template fixes link to it, with
 * the entity filled in; unbound (no scaffolder), no link is shown.
 *
 * @public
 */
export const scaffolderTemplateRouteRef = createExternalRouteRef({
  id: 'scaffolder-template',
  optional: true,
  params: ['namespace', 'templateName'],
});
