import {
  backgroundTaskLabel,
  BackgroundTaskStatus,
  BackgroundWorkResponse,
} from '@internal/backstage-plugin-reliability-common';
import { useCallback, useEffect, useState } from 'react';
import { formatRunDuration, ofReplicas } from './backgroundWorkFormat';

/** How often the card asks for the tasks' states after Run now. */
export const RUN_NOW_POLL_MS = 2000;
/** For how long it asks (the scheduler starts a triggered run when a replica next polls, within a few seconds). */
export const RUN_NOW_WATCH_MS = 15_000;

/**
 * How often, and for how long, the card asks after Run now of a local task: each replica runs it at its next
 * heartbeat (every minute), so within about a minute, later when a run was in progress.
 */
export const LOCAL_RUN_NOW_POLL_MS = 5000;
export const LOCAL_RUN_NOW_WATCH_MS = 90_000;

/** Where the run asked for is: not started yet, running, or ended. */
export type TriggeredRunPhase = 'starting' | 'running' | 'succeeded' | 'failed';

/**
 * Where the run asked for is, from the task's latest state: `starting` until the task shows a run that started
 * after `before` (its last run's start when Run now was pressed), then that run's outcome.
 */
export function triggeredRunPhase(
  task: BackgroundTaskStatus | undefined,
  before: string | undefined,
): TriggeredRunPhase {
  const run = task?.lastRun;
  if (!run) return 'starting';
  if (before !== undefined && Date.parse(run.startedAt) <= Date.parse(before)) {
    return 'starting';
  }
  return run.outcome === 'running' ? 'running' : run.outcome;
}

/** What the card says of a run asked for with Run now. */
export interface RunNowNotice {
  severity: 'info' | 'success' | 'warning';
  text: string;
}

/** The notice for a phase; `over` when the card has stopped following it. */
export function runNowNotice(
  label: string,
  phase: TriggeredRunPhase,
  over: boolean,
  task?: BackgroundTaskStatus,
): RunNowNotice {
  switch (phase) {
    case 'succeeded':
      return {
        severity: 'success',
        text: `${label} ran and succeeded (took ${formatRunDuration(
          task?.lastRun?.durationMs,
        )}).`,
      };
    case 'failed':
      return {
        severity: 'warning',
        text: `${label} ran and failed: its state below says more.`,
      };
    case 'running':
      return over
        ? {
            severity: 'info',
            text: `${label} is still running: reload the page to see how it ends.`,
          }
        : { severity: 'info', text: `${label} is running.` };
    default:
      return over
        ? {
            severity: 'warning',
            text: `${label} has not started within ${
              RUN_NOW_WATCH_MS / 1000
            } seconds: a replica that runs background tasks starts it when it next polls for work, and none may be running them (see its state). Reload the page to see whether it ran.`,
          }
        : {
            severity: 'info',
            text: `${label} starts within a few seconds on a replica that runs background tasks.`,
          };
  }
}

/**
 * What the card says of Run now of a local task, from its latest state (Run now is for reliability admins, who see
 * each replica): while some replica has not run it since the request (`runRequest`), how many; then whether it
 * runs, failed or succeeded on every replica. `done` once nothing more is to come.
 */
export function localRunNowNotice(
  label: string,
  task: BackgroundTaskStatus | undefined,
  over: boolean,
): { notice: RunNowNotice; done: boolean } {
  const total = task?.replicaCount?.total ?? 0;
  const pending = task?.runRequest?.pendingReplicas;
  if (task === undefined || pending !== undefined) {
    const left =
      pending === undefined
        ? ''
        : ` ${ofReplicas(pending, total)} still to run it.`;
    return over
      ? {
          done: true,
          notice: {
            severity: 'warning',
            text: `${label} has not run on every replica within ${
              LOCAL_RUN_NOW_WATCH_MS / 1000
            } seconds.${left} A replica runs it at its next heartbeat (every minute), once a run in progress has ended. Reload the page to see whether it did.`,
          },
        }
      : {
          done: false,
          notice: {
            severity: 'info',
            text: `${label} runs on every replica within about a minute, each at its next heartbeat.${left}`,
          },
        };
  }
  const running = task.replicaCount?.byState.running ?? 0;
  if (running > 0) {
    return {
      done: over,
      notice: {
        severity: 'info',
        text: over
          ? `${label} is still running on ${ofReplicas(
              running,
              total,
            )}: reload the page to see how it ends.`
          : `${label} is running on ${ofReplicas(running, total)}.`,
      },
    };
  }
  const failing = task.replicaCount?.byState.failing ?? 0;
  return {
    done: true,
    notice:
      failing > 0
        ? {
            severity: 'warning',
            text: `${label} ran on every replica and failed on ${ofReplicas(
              failing,
              total,
            )}: their states below say more.`,
          }
        : {
            severity: 'success',
            text: `${label} ran on every replica and succeeded.`,
          },
  };
}

interface Watched {
  taskId: string;
  /** A local task runs on every replica (see {@link localRunNowNotice}). */
  local: boolean;
  label: string;
  /** The task's last run's start when Run now was pressed. */
  before?: string;
  /** Date.now() after which the card stops asking. */
  until: number;
}

/**
 * After Run now, asks for the tasks' states every {@link RUN_NOW_POLL_MS} for up to {@link RUN_NOW_WATCH_MS}, or
 * until the run asked for has ended, so the card shows it start and end (right after the request the task has not
 * started yet: a replica starts it when it next polls); for a local task every {@link LOCAL_RUN_NOW_POLL_MS} for up
 * to {@link LOCAL_RUN_NOW_WATCH_MS}, until every replica has run it. `latest` is the newest answer, `notice` what
 * the card says of the run.
 */
export function useRunNowWatch(
  getBackgroundWork: () => Promise<BackgroundWorkResponse>,
) {
  const [watched, setWatched] = useState<Watched>();
  const [latest, setLatest] = useState<BackgroundWorkResponse>();
  const [notice, setNotice] = useState<RunNowNotice>();

  useEffect(() => {
    if (!watched) return undefined;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const pollMs = watched.local ? LOCAL_RUN_NOW_POLL_MS : RUN_NOW_POLL_MS;
    const poll = async () => {
      let phase: TriggeredRunPhase = 'starting';
      let task: BackgroundTaskStatus | undefined;
      let answered = false;
      try {
        const next = await getBackgroundWork();
        if (cancelled) return;
        setLatest(next);
        task = next.tasks.find(t => t.id === watched.taskId);
        phase = triggeredRunPhase(task, watched.before);
        answered = true;
      } catch {
        // The card keeps the last answer; the next poll tries again.
        if (cancelled) return;
      }
      const timeUp = Date.now() >= watched.until;
      let over: boolean;
      if (watched.local) {
        const said = localRunNowNotice(
          watched.label,
          answered ? task : undefined,
          timeUp,
        );
        over = said.done || timeUp;
        setNotice(said.notice);
      } else {
        over = phase === 'succeeded' || phase === 'failed' || timeUp;
        setNotice(runNowNotice(watched.label, phase, over, task));
      }
      if (over) setWatched(undefined);
      else timer = setTimeout(poll, pollMs);
    };
    timer = setTimeout(poll, pollMs);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [getBackgroundWork, watched]);

  const watch = useCallback((task: BackgroundTaskStatus) => {
    const label = backgroundTaskLabel(task.id);
    const local = task.scope === 'local';
    setNotice(
      local
        ? localRunNowNotice(label, undefined, false).notice
        : runNowNotice(label, 'starting', false),
    );
    setWatched({
      taskId: task.id,
      local,
      label,
      before: task.lastRun?.startedAt,
      until: Date.now() + (local ? LOCAL_RUN_NOW_WATCH_MS : RUN_NOW_WATCH_MS),
    });
  }, []);

  return { latest, notice, watch, watching: watched !== undefined };
}
