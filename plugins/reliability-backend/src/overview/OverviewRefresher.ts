import {
  AuthService,
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { Refresher } from '../shared/refresher';
import { OverviewService } from './OverviewService';

/**
 * An early pass (the catalog's count of services changed before the refresh interval) waits until this many times
 * the last pass's duration has gone by since it finished: a catalog whose count changes every minute keeps the task
 * passing at most a fifth of the time instead of back to back.
 */
export const EARLY_PASS_IDLE_FACTOR = 4;

/**
 * The overview area's background job (global): recomputes the stored team and system roll-ups of the org page over
 * the whole catalog, read with the plugin's own credentials, replacing the previous pass in one transaction (groups
 * that are gone are deleted), and keeps the services index the org page's pages are listed from. The routes answer
 * from them only for callers who may read every catalog entity. A full pass runs every
 * `reliability.overview.rollUps.refreshInterval`, and sooner when the catalog's count of services changes (see
 * {@link OverviewRefresher.passDue}).
 */
export class OverviewRefresher implements Refresher {
  private readonly service: OverviewService;
  private readonly auth: AuthService;
  private readonly logger: LoggerService;

  private readonly refreshIntervalMs: number;
  private readonly now: () => Date;
  /** This instance's last pass (recorded or not): when it finished and how long it took. */
  private lastRun?: { finishedAt: number; durationMs: number };

  constructor(options: {
    service: OverviewService;
    auth: AuthService;
    logger: LoggerService;
    /** A full pass at least this often (`reliability.overview.rollUps.refreshInterval`). */
    refreshIntervalMs: number;
    now?: () => Date;
  }) {
    this.service = options.service;
    this.auth = options.auth;
    this.logger = options.logger;
    this.refreshIntervalMs = options.refreshIntervalMs;
    this.now = options.now ?? (() => new Date());
  }

  /**
   * Whether this run makes a full pass. With a services index the task runs every
   * `reliability.overview.servicesIndex.checkInterval`: a pass is due when the index has no pass yet, when its last
   * pass is a refresh interval old, or when the catalog's count of Components (ONE count query) differs from the
   * count of the last pass, so services registered or deleted appear within a check interval. An early pass (and a
   * repeated attempt at a first pass) waits {@link EARLY_PASS_IDLE_FACTOR} times this instance's last pass's duration
   * after it. Without a services index the task runs every refresh interval and every run is a pass.
   */
  private async passDue(credentials: BackstageCredentials): Promise<boolean> {
    const last = await this.service.lastServicesIndexPass();
    const now = this.now().getTime();
    if (last && now - last.listedAt.getTime() >= this.refreshIntervalMs) {
      return true;
    }
    const idleUntil = this.lastRun
      ? this.lastRun.finishedAt +
        EARLY_PASS_IDLE_FACTOR * this.lastRun.durationMs
      : 0;
    if (!last) {
      return now >= idleUntil;
    }
    const count = await this.service.countCatalogServices(credentials);
    if (count === last.serviceCount) {
      return false;
    }
    if (now < idleUntil) {
      this.logger.debug(
        `Reliability overview: the catalog holds ${count} services, the services index ${
          last.serviceCount
        }; the next pass at ${new Date(
          idleUntil,
        ).toISOString()} at the earliest (the last took ${
          this.lastRun!.durationMs
        } ms)`,
      );
      return false;
    }
    this.logger.info(
      `Reliability overview: the catalog holds ${count} services, the services index ${last.serviceCount}; refreshing before the interval`,
    );
    return true;
  }

  async run(signal?: AbortSignal) {
    const started = Date.now();
    const credentials = await this.auth.getOwnServiceCredentials();
    if (!(await this.passDue(credentials))) {
      return undefined;
    }
    const passStarted = this.now().getTime();
    const result = await this.service.refreshGroupRollUps(credentials, signal);
    const finishedAt = this.now().getTime();
    this.lastRun = { finishedAt, durationMs: finishedAt - passStarted };
    if (result) {
      const index = result.servicesIndex;
      this.logger.info(
        `Reliability overview roll-ups: ${result.serviceCount} services in ${
          result.teams
        } teams and ${result.systems} systems${
          index
            ? `; services index: ${index.written} written, ${
                index.deleted
              } deleted${
                index.recorded
                  ? ''
                  : ', not used yet (the catalog found no service or changed during its first pass)'
              }`
            : ''
        }, in ${Date.now() - started} ms`,
      );
    } else if (signal?.aborted) {
      this.logger.warn(
        'Reliability overview roll-up pass aborted; the previous pass is kept',
      );
    }
    return result;
  }
}
