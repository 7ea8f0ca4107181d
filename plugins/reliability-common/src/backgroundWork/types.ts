/**
 * How a background task of the suite is doing, as `GET /background-work` judges it from its recorded runs:
 * - `waiting`: registered, never run yet, and not yet overdue;
 * - `running`: a run started and is within its timeout;
 * - `ok`: the last run succeeded and the next one is not overdue;
 * - `failing`: the last run failed (the scheduler tries again at the next cadence);
 * - `late`: no run started when the cadence says one should have (no replica runs it, or runs take longer than
 *   the cadence);
 * - `interrupted`: a run started and never ended within its timeout (its process stopped or hung).
 *
 * @public
 */
export type BackgroundTaskState =
  | 'waiting'
  | 'running'
  | 'ok'
  | 'failing'
  | 'late'
  | 'interrupted';

/** One run of a background task. @public */
export interface BackgroundTaskRun {
  /** ISO 8601. */
  startedAt: string;
  /** ISO 8601; absent while running. */
  endedAt?: string;
  durationMs?: number;
  outcome: 'running' | 'succeeded' | 'failed';
  /** The failure's message: only for callers allowed `reliability.admin` (it may name internal hosts). */
  error?: string;
  /** Host name of the replica that ran it: only for callers allowed `reliability.admin`. */
  runner?: string;
}

/** A background task of the suite (SLO collection, a refresh, a snapshot, a notification job) and its health. @public */
export interface BackgroundTaskStatus {
  /** The scheduler's task id, e.g. `reliability-slo-refresh`. */
  id: string;
  /** ISO 8601 duration (`PT5M`), cron expression, or `manual`. */
  cadence: string;
  /** ISO 8601 duration after which the scheduler aborts a run. */
  timeout?: string;
  state: BackgroundTaskState;
  lastRun?: BackgroundTaskRun;
  lastSuccess?: { endedAt: string; durationMs: number };
  /** By when the next run should have started (ISO 8601); absent for manual tasks and running ones. */
  nextRunDueAt?: string;
}

/** Response of `GET /background-work`. @public */
export interface BackgroundWorkResponse {
  /** Every task a replica has registered in the last 30 days, by id. */
  tasks: BackgroundTaskStatus[];
  /** ISO 8601: the moment the states were judged. */
  checkedAt: string;
  /** Whether failures' messages and runners' host names are included (the caller is allowed `reliability.admin`). */
  detailsShown: boolean;
}

/** Body of `POST /background-work/:taskId/trigger` (reliability admins): why the run is wanted now. @public */
export interface BackgroundTaskTriggerRequest {
  /** 3–500 characters, logged with who asked. */
  reason: string;
}

/** Response of `POST /background-work/:taskId/trigger`. @public */
export interface BackgroundTaskTriggerResponse {
  taskId: string;
  /** ISO 8601; the run starts when a replica running the task next polls (a few seconds). */
  triggeredAt: string;
}
