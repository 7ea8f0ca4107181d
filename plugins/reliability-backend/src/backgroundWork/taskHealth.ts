import { BackgroundTaskStatus } from '@internal/backstage-plugin-reliability-common';
import { CronTime } from 'cron';
import { DateTime, Duration } from 'luxon';
import { TaskRecord } from './store/TaskRunStore';

/**
 * Slack past a due time before a task counts as late or interrupted: the scheduler polls for due work every few
 * seconds and a busy replica starts a run a little after its time.
 */
export const LATE_SLACK_MS = 2 * 60 * 1000;

function durationMs(iso: string | undefined): number | undefined {
  if (!iso) return undefined;
  const duration = Duration.fromISO(iso);
  return duration.isValid ? duration.toMillis() : undefined;
}

/**
 * When the run after one started at `from` is due: `from` plus the cadence for a duration, the cron's next time
 * after `from` (in the backend's time zone, as the scheduler reads it); undefined for a manual task or a cadence
 * this replica cannot read.
 */
export function nextRunAfter(cadence: string, from: Date): Date | undefined {
  if (cadence === 'manual') return undefined;
  if (cadence.startsWith('P')) {
    const ms = durationMs(cadence);
    return ms === undefined ? undefined : new Date(from.getTime() + ms);
  }
  try {
    return new CronTime(cadence)
      .getNextDateFrom(DateTime.fromJSDate(from))
      .toJSDate();
  } catch {
    return undefined;
  }
}

/**
 * A task's health at `now` from its record (see BackgroundTaskState): a run in progress is `running` until its
 * timeout (plus slack) passes, then `interrupted`; otherwise the next run is due a cadence after the last start
 * (after the registration when it never ran), or when the last run ended if it took longer than its cadence (the
 * scheduler starts the next one then), or a registration's initial delay after it (a replica starting up waits that
 * long before it runs anything), and the task is `late` once that time plus slack has passed; else its last
 * outcome says `ok` or `failing` (`waiting` before the first run).
 *
 * One replica's copy of a local task is `late` or `interrupted` only when its replica was seen alive after that
 * time (`seenAt`, its heartbeat): a replica that stopped (scaled down, replaced) keeps its last state until it is
 * ignored (replicaHealth.ts) instead of reading as late.
 */
export function taskHealth(
  record: TaskRecord,
  now: Date,
  options: { withDetails: boolean },
): BackgroundTaskStatus {
  const { lastRun, lastSuccess } = record;
  const status: BackgroundTaskStatus = {
    id: record.taskId,
    cadence: record.cadence,
    ...(record.timeout && { timeout: record.timeout }),
    state: 'waiting',
  };
  if (lastRun) {
    status.lastRun = {
      startedAt: lastRun.startedAt.toISOString(),
      outcome: lastRun.outcome,
      ...(lastRun.endedAt && {
        endedAt: lastRun.endedAt.toISOString(),
        durationMs: lastRun.endedAt.getTime() - lastRun.startedAt.getTime(),
      }),
      ...(options.withDetails && lastRun.error && { error: lastRun.error }),
      ...(options.withDetails && lastRun.runner && { runner: lastRun.runner }),
    };
  }
  if (lastSuccess) {
    status.lastSuccess = {
      endedAt: lastSuccess.endedAt.toISOString(),
      durationMs: lastSuccess.durationMs,
    };
  }

  // A local copy's replica must have been seen after a time for the copy to be judged past it.
  const seenAfter = (time: number) =>
    record.replica === undefined ||
    (record.seenAt !== undefined && record.seenAt.getTime() > time);

  if (lastRun?.outcome === 'running') {
    const timeoutMs = durationMs(record.timeout);
    const limit =
      timeoutMs === undefined
        ? undefined
        : lastRun.startedAt.getTime() + timeoutMs + LATE_SLACK_MS;
    const overdue =
      limit !== undefined && now.getTime() > limit && seenAfter(limit);
    status.state = overdue ? 'interrupted' : 'running';
    return status;
  }

  const from = lastRun?.startedAt ?? record.registeredAt;
  const next = nextRunAfter(record.cadence, from);
  if (next) {
    // A replica that (re)registered the task, at start-up, first waits its initial delay: a run that fell due
    // while no replica ran (a deploy, a restart) is due only then, not late at once.
    const afterRegistration =
      record.registeredAt.getTime() + (durationMs(record.initialDelay) ?? 0);
    const due = Math.max(
      next.getTime(),
      lastRun?.endedAt?.getTime() ?? 0,
      afterRegistration,
    );
    status.nextRunDueAt = new Date(due).toISOString();
    if (now.getTime() > due + LATE_SLACK_MS && seenAfter(due + LATE_SLACK_MS)) {
      status.state = 'late';
      return status;
    }
  }
  if (!lastRun) status.state = 'waiting';
  else status.state = lastRun.outcome === 'failed' ? 'failing' : 'ok';
  return status;
}
