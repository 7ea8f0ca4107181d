/** How a task is scheduled, as a replica registered it. */
export interface TaskSchedule {
  /** ISO 8601 duration, cron expression, or `manual`. */
  cadence: string;
  /** ISO 8601 duration, when the task has a timeout. */
  timeout?: string;
  /** ISO 8601 duration before the first run after a replica registers the task, when it has one. */
  initialDelay?: string;
}

/** A task's record: its schedule and its last run (see migrations/20261216100000_background_task_runs.js). */
export interface TaskRecord extends TaskSchedule {
  taskId: string;
  registeredAt: Date;
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

/** The last run of each of the plugin's scheduled tasks. */
export interface TaskRunStore {
  /** A replica scheduled the task: its cadence and timeout (the run fields are kept). */
  registered(taskId: string, schedule: TaskSchedule, at: Date): Promise<void>;
  /** A run started on `runner`. */
  started(taskId: string, at: Date, runner: string): Promise<void>;
  /** The run that started at `startedAt` ended (ignored when a later run has started since). */
  ended(taskId: string, startedAt: Date, end: TaskRunEnd): Promise<void>;
  /** Every task's record, by id. */
  list(): Promise<TaskRecord[]>;
  /** Deletes the records of tasks neither registered nor started since `before`; returns how many. */
  deleteUnusedSince(before: Date): Promise<number>;
}
