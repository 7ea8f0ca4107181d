import {
  BackgroundTaskState,
  BackgroundTaskStatus,
} from '@internal/backstage-plugin-reliability-common';
import { TaskRecord, TaskRunRequest } from './store/TaskRunStore';
import { taskHealth } from './taskHealth';

/**
 * A replica whose copies of local tasks have not been seen for this long (no heartbeat, which comes every minute,
 * and no run) has stopped (scaled down, replaced by a deploy, crashed): its copies are ignored, and deleted a day
 * later (REPLICA_RECORD_RETENTION_DAYS).
 */
export const REPLICA_GONE_AFTER_MS = 5 * 60 * 1000;

/** Which replica's copy a local task's row shows: the one most in need of attention first. */
const ROLL_UP_ORDER: BackgroundTaskState[] = [
  'late',
  'interrupted',
  'failing',
  'running',
  'ok',
  'waiting',
];

interface JudgedCopy {
  record: TaskRecord;
  status: BackgroundTaskStatus;
}

/** Most in need of attention first; within a state, the copy whose last run (or registration) is oldest. */
function byAttention(a: JudgedCopy, b: JudgedCopy): number {
  const since = (copy: JudgedCopy) =>
    (copy.record.lastRun?.startedAt ?? copy.record.registeredAt).getTime();
  return (
    ROLL_UP_ORDER.indexOf(a.status.state) -
      ROLL_UP_ORDER.indexOf(b.status.state) ||
    since(a) - since(b) ||
    (a.record.replica ?? '').localeCompare(b.record.replica ?? '')
  );
}

/** The newest success among the copies (the task as a whole last succeeded then), if any succeeded. */
function newestSuccess(
  judged: JudgedCopy[],
): BackgroundTaskStatus['lastSuccess'] {
  let newest: BackgroundTaskStatus['lastSuccess'];
  for (const { status } of judged) {
    const success = status.lastSuccess;
    if (success && (!newest || success.endedAt > newest.endedAt)) {
      newest = success;
    }
  }
  return newest;
}

/**
 * A local task's Run now request while some counted replica has not started a run since it (nor started up after
 * it); undefined once every one has.
 */
function pendingRunRequest(
  judged: JudgedCopy[],
  request: TaskRunRequest | undefined,
  withDetails: boolean,
): BackgroundTaskStatus['runRequest'] {
  if (!request) return undefined;
  const at = request.requestedAt.getTime();
  const pendingReplicas = judged.filter(
    ({ record }) =>
      (record.lastRun?.startedAt ?? record.registeredAt).getTime() < at,
  ).length;
  if (pendingReplicas === 0) return undefined;
  return {
    requestedAt: request.requestedAt.toISOString(),
    ...(withDetails && { requestedBy: request.requestedBy }),
    pendingReplicas,
  };
}

/**
 * A local task's health from its replicas' copies: each copy is judged on its own (taskHealth), copies of replicas
 * not seen for {@link REPLICA_GONE_AFTER_MS} are ignored, and the task reads as the copy most in need of attention
 * (a failing or stalled replica is never hidden by another's success), except its last success, the newest of any
 * counted replica (the task as a whole last succeeded then), with how many replicas are in each state
 * and, `withDetails`, each replica (process) by host name, pid and id, and its Run now `request` while some replica
 * has not run it. Undefined when no replica running it is seen any more.
 */
export function localTaskHealth(
  copies: TaskRecord[],
  now: Date,
  options: { withDetails: boolean },
  request?: TaskRunRequest,
): BackgroundTaskStatus | undefined {
  const judged = copies
    .filter(
      copy =>
        (copy.seenAt ?? copy.registeredAt).getTime() >=
        now.getTime() - REPLICA_GONE_AFTER_MS,
    )
    .map(record => ({ record, status: taskHealth(record, now, options) }))
    .sort(byAttention);
  if (judged.length === 0) return undefined;
  const byState: Partial<Record<BackgroundTaskState, number>> = {};
  for (const { status } of judged) {
    byState[status.state] = (byState[status.state] ?? 0) + 1;
  }
  const task: BackgroundTaskStatus = {
    ...judged[0].status,
    scope: 'local',
    replicaCount: { total: judged.length, byState },
    ...(options.withDetails && {
      replicas: judged.map(({ record, status }) => ({
        runner: record.replicaLabel?.host ?? record.replica ?? '',
        replica: record.replica ?? '',
        ...(record.replicaLabel?.pid !== undefined && {
          pid: record.replicaLabel.pid,
        }),
        state: status.state,
        ...(status.lastRun && { lastRun: status.lastRun }),
        ...(status.lastSuccess && { lastSuccess: status.lastSuccess }),
        ...(status.nextRunDueAt && { nextRunDueAt: status.nextRunDueAt }),
        seenAt: (record.seenAt ?? record.registeredAt).toISOString(),
      })),
    }),
  };
  delete task.lastSuccess;
  const lastSuccess = newestSuccess(judged);
  if (lastSuccess) task.lastSuccess = lastSuccess;
  const runRequest = pendingRunRequest(judged, request, options.withDetails);
  if (runRequest) task.runRequest = runRequest;
  return task;
}

/**
 * Every task's health, by id: a global task from its one record, a local task from its replicas' copies and its
 * Run now request ({@link localTaskHealth}; left out when none of its replicas is seen any more).
 */
export function tasksHealth(
  records: TaskRecord[],
  now: Date,
  options: { withDetails: boolean },
  requests: TaskRunRequest[] = [],
): BackgroundTaskStatus[] {
  const requestOf = new Map(requests.map(r => [r.taskId, r]));
  const copiesOf = new Map<string, TaskRecord[]>();
  const tasks: Array<BackgroundTaskStatus | undefined> = [];
  for (const record of records) {
    if (record.replica === undefined) {
      tasks.push({ ...taskHealth(record, now, options), scope: 'global' });
      continue;
    }
    const copies = copiesOf.get(record.taskId);
    if (copies) copies.push(record);
    else copiesOf.set(record.taskId, [record]);
  }
  for (const [taskId, copies] of copiesOf) {
    tasks.push(localTaskHealth(copies, now, options, requestOf.get(taskId)));
  }
  return tasks
    .filter((task): task is BackgroundTaskStatus => task !== undefined)
    .sort((a, b) => a.id.localeCompare(b.id));
}
