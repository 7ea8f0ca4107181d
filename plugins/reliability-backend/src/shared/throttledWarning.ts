import { LoggerService } from '@backstage/backend-plugin-api';

/**
 * A warning logged at most once per interval: for a condition that holds on every request or every refresh (a
 * cache too small, a store that cannot be read), so the log says so without repeating it for each occurrence.
 */
export class ThrottledWarning {
  private lastAt?: number;

  constructor(
    private readonly options: {
      logger?: LoggerService;
      intervalMs: number;
      now: () => Date;
    },
  ) {}

  /** Logs `message` unless one was logged less than the interval ago; returns whether it was logged. */
  warn(message: string | (() => string)): boolean {
    const { logger, intervalMs, now } = this.options;
    if (!logger) return false;
    const at = now().getTime();
    if (this.lastAt !== undefined && at - this.lastAt < intervalMs) {
      return false;
    }
    this.lastAt = at;
    logger.warn(typeof message === 'function' ? message() : message);
    return true;
  }
}
