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

/**
 * Where a background task runs: `global`, once per cadence across all replicas (whichever takes the scheduler's
 * lock); `local`, on every replica, each running its own copy (the on-call schedule files' reload).
 *
 * @public
 */
export type BackgroundTaskScope = 'global' | 'local';

/**
 * How many replicas run a local task's copies now, and how many of them are in each state (states no replica is in
 * are left out). A replica not seen for a few minutes (it stopped) is not counted.
 *
 * @public
 */
export interface BackgroundTaskReplicaCount {
  total: number;
  byState: Partial<Record<BackgroundTaskState, number>>;
}

/**
 * One replica's copy of a local task and its health: only for callers allowed `reliability.admin`. A replica is one
 * backend process (two processes on one host are two replicas, and a restarted process is a new one).
 *
 * @public
 */
export interface BackgroundTaskReplicaStatus {
  /** Host name of the replica. */
  runner: string;
  /** The process's id (`<host>:<pid>:<random>`, new at each start): unique among the replicas. */
  replica: string;
  /** The process id on its host; absent for a copy recorded before copies were kept per process. */
  pid?: number;
  state: BackgroundTaskState;
  lastRun?: BackgroundTaskRun;
  lastSuccess?: { endedAt: string; durationMs: number };
  /** By when its next run should have started (ISO 8601). */
  nextRunDueAt?: string;
  /** ISO 8601: the replica's last sign of life (its heartbeat every minute, a run). */
  seenAt: string;
}

/**
 * A local task's latest Run now request, while some replica running it has not started a run since: each replica
 * runs its copy once at its next heartbeat (within about a minute).
 *
 * @public
 */
export interface BackgroundTaskRunRequest {
  /** ISO 8601. */
  requestedAt: string;
  /** Who asked (a user or service ref): only for callers allowed `reliability.admin`. */
  requestedBy?: string;
  /** How many of the counted replicas have not started a run since the request. */
  pendingReplicas: number;
}

/**
 * A background task of the suite (SLO collection, a refresh, a snapshot, a notification job) and its health. A
 * local task's state, last run and due time are those of its replica most in need of attention (late, interrupted,
 * failing, running, on time, waiting; the stalest first), so one replica's failing or stalled copy is never hidden
 * by another's success; its last success is the newest of any of its replicas (the task as a whole);
 * `replicaCount` says how many replicas run it and `replicas` (admins) each one, with its own last success.
 *
 * @public
 */
export interface BackgroundTaskStatus {
  /** The scheduler's task id, e.g. `reliability-slo-refresh`. */
  id: string;
  /** `global` when absent. */
  scope?: BackgroundTaskScope;
  /** ISO 8601 duration (`PT5M`), cron expression, or `manual`. */
  cadence: string;
  /** ISO 8601 duration after which the scheduler aborts a run. */
  timeout?: string;
  state: BackgroundTaskState;
  lastRun?: BackgroundTaskRun;
  /** The last successful run's end and length; a local task's is the newest of any of its replicas. */
  lastSuccess?: { endedAt: string; durationMs: number };
  /** By when the next run should have started (ISO 8601); absent for manual tasks and running ones. */
  nextRunDueAt?: string;
  /** A local task: how many replicas run it and in which states (for every caller, without names). */
  replicaCount?: BackgroundTaskReplicaCount;
  /** A local task, for callers allowed `reliability.admin`: each replica's copy, most in need of attention first. */
  replicas?: BackgroundTaskReplicaStatus[];
  /** A local task whose Run now request some replica has not run yet. */
  runRequest?: BackgroundTaskRunRequest;
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

/**
 * Response of `POST /background-work/:taskId/trigger`. A global task starts within a few seconds on one replica
 * that runs it; a local task is requested: every replica running it runs its copy once at its next heartbeat,
 * within about a minute.
 *
 * @public
 */
export interface BackgroundTaskTriggerResponse {
  taskId: string;
  /** ISO 8601: when the run was asked for. */
  triggeredAt: string;
  /** `global`: one run on one replica; `local`: one run on every replica. */
  scope: BackgroundTaskScope;
  /** Where and when it runs, in words ("Runs on every replica within about a minute, …"). */
  message: string;
}
