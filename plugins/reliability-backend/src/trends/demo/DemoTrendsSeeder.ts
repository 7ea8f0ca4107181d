import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { Checklist } from '@internal/backstage-plugin-reliability-common';
import { Refresher } from '../../shared/refresher';
import { dayOf } from '../days';
import { TrendsService } from '../TrendsService';
import { demoHistory } from './demoHistory';

/**
 * DEMO ONLY (enabled by `reliability.demo.seedTrends: true`): measures the demo catalog and writes about six months
 * of synthetic daily snapshots before today that end near the measured values, marked `demo` (the UI labels them
 * "demo data"). Never overwrites a measured snapshot; every pass writes the same rows (idempotent). Once the checklist
 * has scored a service (on a fresh database its first refresh may see an empty catalog), the seeder runs the trends
 * refresher so today's measured snapshot exists at once, and then stops: later passes of this process do nothing.
 */
export class DemoTrendsSeeder {
  private seeded = false;

  constructor(
    private readonly deps: {
      service: TrendsService;
      checklist: Pick<Checklist, 'levels'>;
      auth: AuthService;
      refresher: Refresher;
      logger: LoggerService;
      now: () => Date;
    },
  ) {}

  /** One seeding pass (the seeder's scheduled task). Never throws. */
  async run(signal?: AbortSignal): Promise<void> {
    if (this.seeded) return;
    try {
      const { written, scored } = await this.seed();
      if (!scored) {
        this.deps.logger.info(
          'Demo trends: no service has a maturity score yet; the synthetic history follows the first checklist evaluation',
        );
        return;
      }
      if (!signal?.aborted) {
        this.seeded = true;
        this.deps.logger.info(
          `Wrote ${written} SYNTHETIC demo trend snapshot rows (days before today)`,
        );
        await this.deps.refresher.run(signal);
      }
    } catch (error) {
      this.deps.logger.warn(`Demo trends seeding failed: ${error}`);
    }
  }

  /**
   * Writes the synthetic history of what the catalog measures now; returns how many rows were offered and whether
   * any scope had a maturity score.
   */
  async seed(): Promise<{ written: number; scored: boolean }> {
    const { service, checklist, auth, now } = this.deps;
    const credentials = await auth.getOwnServiceCredentials();
    const measured = await service.measure(credentials);
    const history = demoHistory(dayOf(now()), measured, checklist);
    await service.addDemoHistory(history);
    return {
      written: history.reduce(
        (n, d) => n + d.maturity.length + d.slo.length,
        0,
      ),
      scored: measured.maturity.some(row => row.score !== null),
    };
  }
}
