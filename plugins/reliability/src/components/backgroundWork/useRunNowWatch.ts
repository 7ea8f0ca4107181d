import {
  backgroundTaskLabel,
  BackgroundTaskStatus,
  BackgroundWorkResponse,
} from '@internal/backstage-plugin-reliability-common';
import { useCallback, useEffect, useState } from 'react';
import { formatRunDuration } from './backgroundWorkFormat';

/** How often the card asks for the tasks' states after Run now. */
export const RUN_NOW_POLL_MS = 2000;
/** For how long it asks (the scheduler starts a triggered run when a replica next polls, within a few seconds). */
export const RUN_NOW_WATCH_MS = 15_000;

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

interface Watched {
  taskId: string;
  label: string;
  /** The task's last run's start when Run now was pressed. */
  before?: string;
  /** Date.now() after which the card stops asking. */
  until: number;
}

/**
 * After Run now, asks for the tasks' states every {@link RUN_NOW_POLL_MS} for up to {@link RUN_NOW_WATCH_MS}, or
 * until the run asked for has ended, so the card shows it start and end (right after the request the task has not
 * started yet: a replica starts it when it next polls). `latest` is the newest answer, `notice` what the card says
 * of the run.
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
    const poll = async () => {
      let phase: TriggeredRunPhase = 'starting';
      let task: BackgroundTaskStatus | undefined;
      try {
        const next = await getBackgroundWork();
        if (cancelled) return;
        setLatest(next);
        task = next.tasks.find(t => t.id === watched.taskId);
        phase = triggeredRunPhase(task, watched.before);
      } catch {
        // The card keeps the last answer; the next poll tries again.
        if (cancelled) return;
      }
      const over =
        phase === 'succeeded' ||
        phase === 'failed' ||
        Date.now() >= watched.until;
      setNotice(runNowNotice(watched.label, phase, over, task));
      if (over) setWatched(undefined);
      else timer = setTimeout(poll, RUN_NOW_POLL_MS);
    };
    timer = setTimeout(poll, RUN_NOW_POLL_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [getBackgroundWork, watched]);

  const watch = useCallback((task: BackgroundTaskStatus) => {
    const label = backgroundTaskLabel(task.id);
    setNotice(runNowNotice(label, 'starting', false));
    setWatched({
      taskId: task.id,
      label,
      before: task.lastRun?.startedAt,
      until: Date.now() + RUN_NOW_WATCH_MS,
    });
  }, []);

  return { latest, notice, watch, watching: watched !== undefined };
}
