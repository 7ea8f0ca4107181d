import { LoggerService } from '@backstage/backend-plugin-api';
import { TaskRunStore } from './store/TaskRunStore';

/**
 * Run now for the local tasks of this replica process: Backstage's scheduler triggers a local task only in the
 * process asked, so `POST /background-work/:taskId/trigger` records a request in the database instead, and every
 * replica's heartbeat (every minute) calls {@link LocalRunRequests.poll}, which triggers each of its local tasks
 * whose latest request is newer than its own last start here (or its registration, for a task that has not run
 * since this process started): so each replica runs its copy once per request, within about a minute.
 *
 * A task running when its request is seen is tried again at the next heartbeat (its run started before the
 * request). Times are compared across replicas' clocks: a skew of seconds only risks one extra run.
 */
export class LocalRunRequests {
  /** Per local task of this process: its last start here, or its registration before it ran (epoch ms). */
  private readonly since = new Map<string, number>();
  /** Per local task: the request this process triggered a run for, until that run starts. */
  private readonly triggered = new Map<string, number>();

  constructor(
    private readonly options: {
      store: Pick<TaskRunStore, 'runRequests'>;
      /** Starts a run of a local task of this process now (the backend scheduler's `triggerTask`). */
      trigger: (taskId: string) => Promise<void>;
      logger: LoggerService;
    },
  ) {}

  /** This process registered a local task at `at` (a request made before then is not for it). */
  registered(taskId: string, at: Date): void {
    if (!this.since.has(taskId)) this.since.set(taskId, at.getTime());
  }

  /** A run of a local task started here. */
  started(taskId: string, at: Date): void {
    this.since.set(taskId, Math.max(at.getTime(), this.since.get(taskId) ?? 0));
  }

  /** Triggers each local task of this process with a request newer than its last start here; returns their ids. */
  async poll(): Promise<string[]> {
    const { store, trigger, logger } = this.options;
    const triggered: string[] = [];
    for (const request of await store.runRequests()) {
      const since = this.since.get(request.taskId);
      const at = request.requestedAt.getTime();
      if (
        since === undefined ||
        at <= since ||
        this.triggered.get(request.taskId) === at
      ) {
        continue;
      }
      try {
        await trigger(request.taskId);
        this.triggered.set(request.taskId, at);
        triggered.push(request.taskId);
        logger.info(
          `Reliability background task ${
            request.taskId
          } runs on this replica, as ${
            request.requestedBy
          } asked at ${request.requestedAt.toISOString()}`,
        );
      } catch (error) {
        // Running now (a run that started before the request): the next heartbeat tries again.
        logger.debug(
          `Reliability background task ${request.taskId} was asked to run and could not start yet: ${error}`,
        );
      }
    }
    return triggered;
  }
}
