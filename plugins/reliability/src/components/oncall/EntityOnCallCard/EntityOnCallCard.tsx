import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
  WarningPanel,
} from '@backstage/core-components';
import { EntityOnCall } from '@internal/backstage-plugin-reliability-common';
import Typography from '@material-ui/core/Typography';
import { useEntityReliability } from '../../../hooks';
import { useRunbookReferences } from '../../runbooks/useRunbookReferences';
import { formatWhen } from '../formatOnCallTime';
import { OnCallSnapshotView } from './OnCallSnapshotView';

function NotConfigured({
  state,
}: {
  state: Extract<EntityOnCall, { status: 'not-configured' }>;
}) {
  return (
    <>
      <Typography paragraph>No on-call configured for this entity.</Typography>
      <Typography variant="body2" color="textSecondary">
        Add one of these annotations to its catalog-info.yaml:{' '}
        {state.annotations.map((a, i) => (
          <span key={a}>
            {i > 0 && ', '}
            <code>{a}</code>
          </span>
        ))}
        .
      </Typography>
    </>
  );
}

/**
 * Who is on call for the current entity: primary and secondary now and until when, the next handoff,
 * escalation levels with runbooks, the owning team, how to reach them and a link to the provider.
 */
export function EntityOnCallCard() {
  const { value, loading, error } = useEntityReliability((api, entityRef) =>
    api.getEntityOnCall(entityRef),
  );
  const now = new Date();
  let snapshot;
  if (value?.status === 'ok') snapshot = value.snapshot;
  if (value?.status === 'error') snapshot = value.lastKnown;
  const { resolve } = useRunbookReferences(
    snapshot?.escalation.some(level => level.runbook) ?? false,
  );

  let content;
  if (loading) {
    content = <Progress />;
  } else if (error) {
    content = <ResponseErrorPanel error={error} />;
  } else if (!value || value.status === 'not-configured') {
    content = value ? (
      <NotConfigured state={value} />
    ) : (
      <Typography>No on-call data.</Typography>
    );
  } else if (value.status === 'error') {
    content = (
      <>
        <WarningPanel
          severity="warning"
          title={
            value.lastKnown
              ? `On-call provider unavailable: showing data from ${formatWhen(
                  value.lastKnownAt,
                  now,
                )}`
              : 'On-call provider unavailable: who is on call is unknown'
          }
          message={value.message}
        />
        {value.lastKnown && (
          <OnCallSnapshotView
            snapshot={value.lastKnown}
            owner={value.owner}
            now={now}
            resolveRunbook={resolve}
          />
        )}
      </>
    );
  } else {
    content = (
      <OnCallSnapshotView
        snapshot={value.snapshot}
        owner={value.owner}
        now={now}
        resolveRunbook={resolve}
      />
    );
  }
  return <InfoCard title="On-call">{content}</InfoCard>;
}
