import { parseEntityRef } from '@backstage/catalog-model';
import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import { TourRunbook } from '@internal/backstage-plugin-reliability-common';
import { RUNBOOK_KIND_LABELS } from '../../runbooks/runbookFormat';
import { RUNBOOKS_TAB_PATH } from '../../runbooks/useRunbookLinks';

/** Where the TechDocs reader lives in a Backstage app (`/docs/:namespace/:kind/:name`). */
export const TECHDOCS_BASE_PATH = '/docs';

/** The TechDocs reader path of an entity ref. */
export function techDocsPath(entityRef: string): string {
  const { kind, namespace, name } = parseEntityRef(entityRef);
  return `${TECHDOCS_BASE_PATH}/${encodeURIComponent(
    namespace,
  )}/${encodeURIComponent(kind)}/${encodeURIComponent(name)}`;
}

/** Path of an entity's page in the catalog. */
export function useEntityPath(): (entityRef: string) => string {
  const entityRoute = useRouteRef(entityRouteRef);
  return (entityRef: string) => {
    const { kind, namespace, name } = parseEntityRef(entityRef);
    return entityRoute({ kind, namespace, name });
  };
}

/**
 * A runbook of an entity by its title from the runbook index: Markdown runbooks open in the entity's Runbooks
 * tab (`?runbook=<id>`), links and TechDocs pages at their own URL. Kinds other than plain runbooks are named
 * unless the title already starts with the kind ("Postmortem: ...").
 */
export function TourRunbookLink(props: {
  entityRef: string;
  runbook: TourRunbook;
}) {
  const { entityRef, runbook } = props;
  const entityPath = useEntityPath();
  const kindLabel = RUNBOOK_KIND_LABELS[runbook.kind];
  const label =
    runbook.kind === 'runbook' ||
    runbook.title.toLowerCase().startsWith(kindLabel.toLowerCase())
      ? runbook.title
      : `${kindLabel}: ${runbook.title}`;
  const to =
    runbook.url ??
    (runbook.id
      ? `${entityPath(
          entityRef,
        )}/${RUNBOOKS_TAB_PATH}?runbook=${encodeURIComponent(runbook.id)}`
      : null);
  if (!to) {
    return <Typography variant="body2">{label}</Typography>;
  }
  return (
    <Typography variant="body2" component="span">
      <Link to={to}>{label}</Link>
    </Typography>
  );
}
