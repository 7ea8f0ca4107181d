import {
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Refresher } from './refresher';

/** A demo seeder (DEMO ONLY: writes synthetic data, labelled as demo data, when its `reliability.demo.*` flag is on). */
export interface DemoSeeder {
  run(signal?: AbortSignal): Promise<unknown>;
}

/** Options of a {@link DemoSeedPass}. */
export interface DemoSeedPassOptions {
  /** What is seeded, singular, e.g. `incident`: messages say "Wrote 3 SYNTHETIC demo incidents". */
  item: string;
  /** Where it is written, e.g. `the embedded incident source`. */
  target: string;
  /** Writes the demo data; returns how many items were written. */
  seed: () => Promise<number>;
  /** The area's refresher, run after the first pass so summaries show the demo data at once. */
  refresher: Refresher;
  logger: LoggerService;
}

/**
 * One pass of a demo seeder that writes into an area's embedded source: seeds, and after the first pass logs
 * what it wrote and runs the area's refresher once. Never throws (a failed pass is logged; the next one retries).
 */
export class DemoSeedPass implements DemoSeeder {
  private seeded = false;

  constructor(private readonly options: DemoSeedPassOptions) {}

  async run(signal?: AbortSignal): Promise<void> {
    const { item, target, logger } = this.options;
    try {
      const written = await this.options.seed();
      if (!this.seeded && !signal?.aborted) {
        this.seeded = true;
        logger.info(`Wrote ${written} SYNTHETIC demo ${item}s to ${target}`);
        await this.options.refresher.run(signal);
      }
    } catch (error) {
      logger.warn(`Demo ${item} seeding failed: ${error}`);
    }
  }
}

/** When a demo seeder runs unless the area says otherwise: hourly, five minutes at most per run. */
const DEFAULT_DEMO_SCHEDULE = {
  frequency: { hours: 1 },
  timeout: { minutes: 5 },
} as const;

/**
 * Registers a demo seeder as its own global task (`reliability-<area>-demo-seeder`): it is not the area's
 * refresh, so it is not a {@link Refresher}. Hourly by default; `initialDelay` staggers the areas' seeders.
 */
export async function scheduleDemoSeeder(
  scheduler: SchedulerService,
  area: string,
  seeder: DemoSeeder,
  schedule: Partial<SchedulerServiceTaskScheduleDefinition> &
    Pick<SchedulerServiceTaskScheduleDefinition, 'initialDelay'>,
): Promise<void> {
  await scheduler.scheduleTask({
    id: `reliability-${area}-demo-seeder`,
    scope: 'global',
    ...DEFAULT_DEMO_SCHEDULE,
    ...schedule,
    fn: async signal => {
      await seeder.run(signal as AbortSignal | undefined);
    },
  });
}
