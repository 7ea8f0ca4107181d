import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { useAsyncEntity } from '@backstage/plugin-catalog-react';
import { ChecklistFixTemplate } from '@internal/backstage-plugin-reliability-common';
import { ReactNode } from 'react';
import { scaffolderTemplateRouteRef } from '../../../routes';

/**
 * The URL of a template's page in the scaffolder with the current entity filled in as its `component`
 * parameter (the scaffolder reads initial form values from the `formData` query parameter), or undefined when
 * the app has not bound the plugin's `scaffolderTemplate` route (no scaffolder) or there is no entity.
 */
function useFixTemplateUrl(
  template: ChecklistFixTemplate | undefined,
): string | undefined {
  const templateRoute = useRouteRef(scaffolderTemplateRouteRef);
  const { entity } = useAsyncEntity();
  if (!templateRoute || !template || !entity) {
    return undefined;
  }
  const { namespace, name } = parseEntityRef(template.templateRef);
  const formData = JSON.stringify({ component: stringifyEntityRef(entity) });
  return `${templateRoute({
    namespace,
    templateName: name,
  })}?${new URLSearchParams({ formData })}`;
}

/**
 * A link to the software template that fixes a failing checklist item, for the current entity. Renders nothing
 * without a template, and `unlinked` (default nothing) when the app has no scaffolder bound to the plugin's
 * `scaffolderTemplate` route.
 */
export function FixTemplateLink(props: {
  template: ChecklistFixTemplate | undefined;
  unlinked?: ReactNode;
  /** Inside a sentence: underlined, so it is told from the text by more than its colour. */
  inText?: boolean;
}) {
  const url = useFixTemplateUrl(props.template);
  if (!props.template) {
    return null;
  }
  if (!url) {
    return <>{props.unlinked ?? null}</>;
  }
  return (
    <Link to={url} underline={props.inText ? 'always' : undefined}>
      {props.template.title}
    </Link>
  );
}
