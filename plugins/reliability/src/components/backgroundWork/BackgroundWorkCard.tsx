import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  backgroundTaskLabel,
  BackgroundTaskStatus,
} from '@internal/backstage-plugin-reliability-common';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { useCallback } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { reliabilityApiRef } from '../../api';
import { formatAbsolute, formatRelative } from '../oncall/formatOnCallTime';
import { PlainTableColumn, PlainTableContent } from '../PlainTable';
import { ReasonDialogButton } from '../ReasonDialogButton';
import { BackgroundTaskStateText } from './BackgroundTaskStateText';
import { BackgroundTaskReplicas } from './BackgroundTaskReplicas';
import {
  attentionName,
  busyShare,
  formatCadence,
  formatNextRunDue,
  formatRunDuration,
  lastRunnerName,
  ofReplicas,
  orderTasks,
  tasksNeedingAttention,
} from './backgroundWorkFormat';
import { useRunNowWatch } from './useRunNowWatch';

/** Whether the last success is the last run itself (its column then says so rather than repeat it). */
const lastRunSucceeded = (task: BackgroundTaskStatus) =>
  task.lastRun?.outcome === 'succeeded' &&
  task.lastRun.endedAt === task.lastSuccess?.endedAt;

/** Run now of a local task: every replica runs its own copy once, at its next heartbeat. */
function LocalRunNow(props: {
  task: BackgroundTaskStatus;
  now: Date;
  runNow: (task: BackgroundTaskStatus, reason: string) => Promise<void>;
}) {
  const { task, now, runNow } = props;
  const total = task.replicaCount?.total ?? 0;
  return (
    <>
      <ReasonDialogButton
        label="Run now"
        ariaLabel={`Run ${backgroundTaskLabel(task.id)} now`}
        id={`run-now-${task.id}`}
        title={`Run ${backgroundTaskLabel(task.id)} now on every replica`}
        description="Every replica that runs this task runs its own copy once, at its next heartbeat: within about a minute (later on a replica whose run is in progress). This card follows it for up to 90 seconds. Who asked and why is logged."
        fieldLabel="Why now"
        onConfirm={reason => runNow(task, reason)}
      />
      {task.runRequest && (
        <Typography variant="caption" component="p">
          requested{' '}
          <span title={formatAbsolute(task.runRequest.requestedAt)}>
            {formatRelative(task.runRequest.requestedAt, now)}
          </span>
          {task.runRequest.requestedBy && ` by ${task.runRequest.requestedBy}`},{' '}
          {ofReplicas(task.runRequest.pendingReplicas, total)} still to run it
        </Typography>
      )}
    </>
  );
}

/**
 * A column with "Run now" for each task: for reliability admins only. A global task starts within seconds on one
 * replica; a local task (run on every replica at its cadence) is requested, and every replica runs it once within
 * about a minute.
 */
function runNowColumn(
  runNow: (task: BackgroundTaskStatus, reason: string) => Promise<void>,
  now: Date,
): PlainTableColumn<BackgroundTaskStatus> {
  return {
    title: 'Run',
    render: task => {
      if (task.scope === 'local') {
        return <LocalRunNow task={task} now={now} runNow={runNow} />;
      }
      return task.state === 'running' ? (
        'running'
      ) : (
        <ReasonDialogButton
          label="Run now"
          ariaLabel={`Run ${backgroundTaskLabel(task.id)} now`}
          id={`run-now-${task.id}`}
          title={`Run ${backgroundTaskLabel(task.id)} now`}
          description="A replica that runs background tasks starts it within a few seconds instead of at its next cadence; this card follows it for up to 15 seconds. Who asked and why is logged."
          fieldLabel="Why now"
          onConfirm={reason => runNow(task, reason)}
        />
      );
    },
  };
}

function columns(now: Date): PlainTableColumn<BackgroundTaskStatus>[] {
  return [
    {
      title: 'Task',
      width: '26%',
      render: task => (
        <>
          <Typography variant="body2">
            {backgroundTaskLabel(task.id)}
          </Typography>
          <Typography variant="caption" color="textSecondary">
            {task.id}
          </Typography>
        </>
      ),
    },
    {
      title: 'State',
      width: '22%',
      tooltip:
        'Late: no run started when its cadence says one should have. Interrupted: a run never ended within its timeout.',
      render: task => (
        <>
          <BackgroundTaskStateText state={task.state} />
          {/* A local task's failure is shown under its replica. */}
          {task.lastRun?.error && !task.replicas && (
            <Typography variant="caption" component="p">
              {task.lastRun.error}
            </Typography>
          )}
          <BackgroundTaskReplicas task={task} now={now} />
        </>
      ),
    },
    {
      title: 'Last run',
      render: task =>
        task.lastRun ? (
          <>
            <Typography variant="body2">
              <span title={formatAbsolute(task.lastRun.startedAt)}>
                {formatRelative(task.lastRun.startedAt, now)}
              </span>
              {task.lastRun.durationMs !== undefined &&
                `, took ${formatRunDuration(task.lastRun.durationMs)}`}
            </Typography>
            {task.lastRun.runner && (
              <Typography variant="caption" color="textSecondary">
                on {lastRunnerName(task)}
              </Typography>
            )}
          </>
        ) : (
          'never'
        ),
    },
    {
      title: 'Last success',
      tooltip:
        'A task run on every replica: the newest success of any of its replicas (each replica says its own)',
      render: task => {
        if (!task.lastSuccess) return 'none recorded';
        const across = (task.replicaCount?.total ?? 0) > 1 && (
          <Typography variant="caption" color="textSecondary" component="p">
            newest of {task.replicaCount!.total} replicas
          </Typography>
        );
        if (lastRunSucceeded(task)) return 'the last run';
        return (
          <>
            {`${formatRelative(
              task.lastSuccess.endedAt,
              now,
            )}, took ${formatRunDuration(task.lastSuccess.durationMs)}`}
            {across}
          </>
        );
      },
    },
    {
      title: 'Cadence',
      tooltip:
        'How often the task runs; flagged when its last successful run took half of that or more',
      render: task => {
        const share = busyShare(task);
        return (
          <>
            {formatCadence(task.cadence)}
            {share !== undefined && (
              <Typography variant="caption" component="p">
                its last run took {Math.round(share * 100)} % of it
              </Typography>
            )}
          </>
        );
      },
    },
    {
      title: 'Next run due',
      tooltip: 'When the next run should have started at the latest',
      render: task => formatNextRunDue(task, now),
    },
  ];
}

function AttentionSummary(props: {
  tasks: BackgroundTaskStatus[];
  detailsShown: boolean;
}) {
  const attention = tasksNeedingAttention(props.tasks);
  if (attention.length === 0) {
    return (
      <Alert severity="success">
        Every background task ran on time: the reliability data on these pages
        is current.
      </Alert>
    );
  }
  const names = attention
    .map(task => attentionName(task, backgroundTaskLabel))
    .join(', ');
  return (
    <Alert severity="warning">
      {attention.length === 1
        ? 'One task needs'
        : `${attention.length} tasks need`}{' '}
      attention ({names}): the figures they keep may be out of date.
      {attention.some(task => task.state === 'late') &&
        ' A late task has not started when it should: check that a replica runs background tasks (reliability.backgroundTasks.enabled) and that its runs end within their cadence.'}
      {!props.detailsShown &&
        attention.some(task => task.state === 'failing') &&
        ' Failure messages are shown to reliability admins.'}
    </Alert>
  );
}

/**
 * The suite's own background work (SLO collection, refreshes, snapshots): whether each task runs on time, how
 * long its runs take, when it last succeeded, so stale reliability data is seen rather than trusted.
 */
export function BackgroundWorkCard() {
  const api = useApi(reliabilityApiRef);
  // async: an API without the method (an older custom client) rejects instead of throwing.
  const getBackgroundWork = useCallback(
    async () => api.getBackgroundWork(),
    [api],
  );
  const loaded = useAsync(getBackgroundWork, [getBackgroundWork]);
  const { loading, error } = loaded;
  // After Run now, the card follows the run for a few seconds (its newest answer replaces the first).
  const runWatch = useRunNowWatch(getBackgroundWork);
  const value = runWatch.latest ?? loaded.value;
  const runNow = async (task: BackgroundTaskStatus, reason: string) => {
    const response = await api.triggerBackgroundTask(task.id, { reason });
    // The answer says where it runs (a local task: on every replica).
    runWatch.watch({ ...task, scope: response?.scope ?? task.scope });
  };
  return (
    <InfoCard
      title="Background work"
      subheader="The scheduled tasks that collect and refresh the data on these pages"
    >
      {loading && !value && <Progress aria-label="Loading background work" />}
      {!loading && (error || !value) && (
        <ResponseErrorPanel error={error ?? new Error('No response')} />
      )}
      {value && value.tasks.length === 0 && (
        <Alert severity="warning">
          No replica has registered the suite's background tasks, so SLOs,
          on-call, runbooks and scores are not being collected. Run at least one
          replica with reliability.backgroundTasks.enabled set to true (the
          default).
        </Alert>
      )}
      {value && value.tasks.length > 0 && (
        <>
          <AttentionSummary
            tasks={value.tasks}
            detailsShown={value.detailsShown}
          />
          {runWatch.notice && (
            <Alert severity={runWatch.notice.severity} role="status">
              {runWatch.notice.text}
            </Alert>
          )}
          <PlainTableContent
            label="Background tasks"
            busy={loading || runWatch.watching}
            columns={[
              ...columns(new Date(value.checkedAt)),
              // Reliability admins see the details, and may run a task now.
              ...(value.detailsShown
                ? [runNowColumn(runNow, new Date(value.checkedAt))]
                : []),
            ]}
            rows={orderTasks(value.tasks, backgroundTaskLabel)}
            rowKey={task => task.id}
          />
        </>
      )}
    </InfoCard>
  );
}
