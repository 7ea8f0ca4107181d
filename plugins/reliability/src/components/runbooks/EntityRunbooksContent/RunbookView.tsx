import {
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
  WarningPanel,
} from '@backstage/core-components';
import { CompoundEntityRef, parseEntityRef } from '@backstage/catalog-model';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { isSafeLinkUrl } from '@internal/backstage-plugin-reliability-common';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { useEntityReliability } from '../../../hooks';
import { describeReview, RUNBOOK_KIND_LABELS } from '../runbookFormat';
import { RunbookMarkdown } from '../RunbookMarkdown';

function ownerRef(owner: string): CompoundEntityRef | undefined {
  try {
    return parseEntityRef(owner, { defaultKind: 'group' });
  } catch {
    return undefined;
  }
}

/** A runbook's owner from its front matter: a link to the catalog entity, or the text as written. */
function RunbookOwner(props: { owner: string }) {
  const ref = ownerRef(props.owner);
  return ref ? <EntityRefLink entityRef={ref} /> : <>{props.owner}</>;
}

/** One runbook: its metadata and rendered Markdown, or a link when it lives outside Backstage. */
export function RunbookView(props: { id: string; staleAfterDays: number }) {
  const { id, staleAfterDays } = props;
  const { value, loading, error } = useEntityReliability(
    (api, entityRef) => api.getEntityRunbook(entityRef, id),
    [id],
  );

  if (loading) {
    return <Progress />;
  }
  if (error || !value) {
    return (
      <ResponseErrorPanel error={error ?? new Error('Runbook not found')} />
    );
  }
  const { runbook, markdown } = value;
  const url = runbook.url && isSafeLinkUrl(runbook.url) ? runbook.url : null;
  return (
    <InfoCard
      title={runbook.title}
      subheader={
        <Box
          display="flex"
          alignItems="center"
          flexWrap="wrap"
          style={{ gap: 8 }}
          component="span"
        >
          <Chip size="small" label={RUNBOOK_KIND_LABELS[runbook.kind]} />
          <span>{describeReview(runbook, staleAfterDays)}</span>
          {runbook.owner && (
            <span>
              Owner: <RunbookOwner owner={runbook.owner} />
            </span>
          )}
        </Box>
      }
    >
      {runbook.stale && (
        <Box mb={2}>
          <WarningPanel
            severity="warning"
            title="This runbook may be out of date"
            message={`Check each step before relying on it, then update lastReviewed in its front matter. ${describeReview(
              runbook,
              staleAfterDays,
            )}.`}
          />
        </Box>
      )}
      {runbook.error && (
        <Box mb={2}>
          <WarningPanel
            severity="error"
            title="This runbook could not be read"
            message={runbook.error}
          />
        </Box>
      )}
      {runbook.answers.length > 0 && (
        <Typography variant="body2" gutterBottom>
          Answers: {runbook.answers.join(', ')}
        </Typography>
      )}
      {markdown !== null ? (
        <>
          <RunbookMarkdown markdown={markdown} />
          {url && (
            <Typography variant="caption" display="block">
              <Link to={url}>View source</Link>
            </Typography>
          )}
        </>
      ) : (
        url && (
          <Typography variant="body1">
            This {runbook.source === 'techdocs' ? 'TechDocs page' : 'runbook'}{' '}
            lives outside this page: <Link to={url}>Open {runbook.title}</Link>
          </Typography>
        )
      )}
    </InfoCard>
  );
}
