import { parseEntityRef } from '@backstage/catalog-model';
import { Link } from '@backstage/core-components';
import {
  ResultHighlight,
  SearchDocument,
} from '@backstage/plugin-search-common';
import { HighlightedSearchResultText } from '@backstage/plugin-search-react';
import {
  ReliabilitySearchDocument,
  ReliabilitySearchDocumentKind,
} from '@internal/backstage-plugin-reliability-common';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import ListItemText from '@material-ui/core/ListItemText';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import { ReactNode } from 'react';
import { RUNBOOK_KIND_LABELS } from '../../runbooks/runbookFormat';

const KIND_LABELS: Record<ReliabilitySearchDocumentKind, string> = {
  ...RUNBOOK_KIND_LABELS,
  slo: 'SLO',
};

const useStyles = makeStyles(
  {
    item: { display: 'flex' },
    content: { flexWrap: 'wrap', width: '100%' },
    text: { width: '100%', wordBreak: 'break-word', marginBottom: '1rem' },
    chips: { display: 'flex', flexWrap: 'wrap', gap: 4 },
  },
  { name: 'ReliabilitySearchResultListItem' },
);

/** Props of {@link ReliabilitySearchResultListItem}. @public */
export interface ReliabilitySearchResultListItemProps {
  /** The search document (type `reliability`). */
  result?: SearchDocument;
  highlight?: ResultHighlight;
  rank?: number;
  icon?: ReactNode;
  /** Lines of text shown before it is cut; default 3. */
  lineClamp?: number;
}

function ownerName(owner: string): string {
  try {
    return parseEntityRef(owner, { defaultKind: 'group' }).name;
  } catch {
    return owner;
  }
}

function Highlighted(props: {
  field: 'title' | 'text';
  fallback: string;
  highlight?: ResultHighlight;
}) {
  const { field, fallback, highlight } = props;
  const text = highlight?.fields[field];
  return text ? (
    <HighlightedSearchResultText
      text={text}
      preTag={highlight.preTag}
      postTag={highlight.postTag}
    />
  ) : (
    <>{fallback}</>
  );
}

/**
 * A search result of the reliability suite: a runbook, rollback procedure, postmortem, pre-mortem or SLO,
 * linking to it in its entity's Runbooks or SLOs tab, with what it is, the entity, its owner and lifecycle.
 *
 * @public
 */
export function ReliabilitySearchResultListItem(
  props: ReliabilitySearchResultListItemProps,
) {
  const { highlight, icon, lineClamp = 3 } = props;
  const classes = useStyles();
  if (!props.result) {
    return null;
  }
  const result = props.result as Partial<ReliabilitySearchDocument> &
    SearchDocument;
  const kindLabel = result.kind ? KIND_LABELS[result.kind] ?? result.kind : '';
  return (
    <div className={classes.item}>
      {icon && <ListItemIcon>{icon}</ListItemIcon>}
      <div className={classes.content}>
        <ListItemText
          className={classes.text}
          primaryTypographyProps={{ variant: 'h6' }}
          primary={
            <Link noTrack to={result.location}>
              <Highlighted
                field="title"
                fallback={result.title}
                highlight={highlight}
              />
            </Link>
          }
          secondary={
            <Typography
              component="span"
              variant="body2"
              color="textSecondary"
              style={{
                display: '-webkit-box',
                WebkitBoxOrient: 'vertical',
                WebkitLineClamp: lineClamp,
                overflow: 'hidden',
              }}
            >
              <Highlighted
                field="text"
                fallback={result.text}
                highlight={highlight}
              />
            </Typography>
          }
        />
        <Box className={classes.chips}>
          {kindLabel && <Chip size="small" label={kindLabel} />}
          {result.entityTitle && (
            <Chip size="small" label={`Entity: ${result.entityTitle}`} />
          )}
          {result.owner && (
            <Chip size="small" label={`Owner: ${ownerName(result.owner)}`} />
          )}
          {result.lifecycle && (
            <Chip size="small" label={`Lifecycle: ${result.lifecycle}`} />
          )}
        </Box>
      </div>
    </div>
  );
}
