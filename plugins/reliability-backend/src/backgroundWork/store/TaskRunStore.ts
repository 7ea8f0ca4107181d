/** How a task is scheduled, as a replica registered it. */
export interface TaskSchedule {
  /** ISO 8601 duration, cron expression, or `manual`. */
  cadence: string;
  /** ISO 8601 duration, when the task has a timeout. */
  timeout?: string;
  /** ISO 8601 duration before the first run after a replica registers the task, when it has one. */
  initialDelay?: string;
}

/**
 * Which record of a task: a global task (run once per cadence across replicas) has one; a local task (run by every
 * replica) one per replica process, keyed by the process's id (replicaProcess.ts).
 */
export interface TaskCopy {
  taskId: string;
  /** The id of the replica process whose copy of a local task this is; absent for a global task. */
  replica?: string;
}

/** Which process a local copy's replica is, for people: its host name and pid. */
export interface ReplicaLabel {
  host: string;
  /** Unknown for a copy recorded before copies were kept per process. */
  pid?: number;
}

/**
 * A task's record (a global task's, or one replica's copy of a local task): its schedule and its last run (see
 * migrations/20261216100000_background_task_runs.js, 20261218100000_background_task_runs_per_replica.js and
 * 20261219300000_background_task_runs_replica_process.js).
 */
export interface TaskRecord extends TaskSchedule, TaskCopy {
  registeredAt: Date;
  /** A local copy: its replica's host name and pid. */
  replicaLabel?: ReplicaLabel;
  /** A local copy: the last sign of life of its replica (registration, a run's start or end, its heartbeat). */
  seenAt?: Date;
  lastRun?: {
    startedAt: Date;
    endedAt?: Date;
    outcome: 'running' | 'succeeded' | 'failed';
    error?: string;
    runner?: string;
  };
  lastSuccess?: { endedAt: Date; durationMs: number };
}

/** The end of a run. */
export type TaskRunEnd =
  | { outcome: 'succeeded'; endedAt: Date; durationMs: number }
  | { outcome: 'failed'; endedAt: Date; error: string };

/**
 * The latest Run now request of a local task: every replica runs its copy once when it is newer than its last start
 * (migrations/20261219400000_background_task_requests.js).
 */
export interface TaskRunRequest {
  taskId: string;
  requestedAt: Date;
  /** Who asked (a user or service ref). */
  requestedBy: string;
}

/** The last run of each of the plugin's scheduled tasks (of each replica's copy of a local one). */
export interface TaskRunStore {
  /**
   * A replica scheduled the task: its cadence and timeout (the run fields are kept). The task's records of the
   * other scope (a global task that became local, or the other way round) are deleted. A local copy also keeps
   * `label`, its replica's host name and pid.
   */
  registered(
    copy: TaskCopy,
    schedule: TaskSchedule,
    at: Date,
    label?: ReplicaLabel,
  ): Promise<void>;
  /** A run started on `runner`. */
  started(copy: TaskCopy, at: Date, runner: string): Promise<void>;
  /** The run that started at `startedAt` ended (ignored when a later run has started since). */
  ended(copy: TaskCopy, startedAt: Date, end: TaskRunEnd): Promise<void>;
  /** The replica is alive (its heartbeat): stamps its copies of local tasks. */
  seen(replica: string, at: Date): Promise<void>;
  /** Every record, by task id then replica. */
  list(): Promise<TaskRecord[]>;
  /** Records a Run now request of a local task, replacing its previous one. */
  requestRun(
    taskId: string,
    request: { at: Date; by: string; reason: string },
  ): Promise<void>;
  /** The latest request of each local task that has one. */
  runRequests(): Promise<TaskRunRequest[]>;
  /**
   * Deletes the records of tasks neither registered nor started since `before`, local copies whose replica
   * has not been seen since `replicasBefore` (it stopped), and run requests made before `replicasBefore`; returns how
   * many.
   */
  deleteUnusedSince(before: Date, replicasBefore: Date): Promise<number>;
}
