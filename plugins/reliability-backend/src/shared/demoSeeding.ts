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

/**
 * A demo seeder whose data other demo work waits for (the demo's synthetic assessments are scored with the
 * automatic checks' data): it says when what it seeds is in place.
 */
export interface CompletableDemoSeeder extends DemoSeeder {
  /** Every demo entity it seeds was in the catalog at a pass, which wrote their data and refreshed the area. */
  isComplete(): boolean;
}

/** What one seeding pass wrote, and how many of its demo entities the catalog does not have yet. */
export interface DemoSeedResult {
  written: number;
  missing: number;
}

/** Options of a {@link DemoSeedPass}. */
export interface DemoSeedPassOptions {
  /** What is seeded, singular, e.g. `incident`: messages say "Wrote 3 SYNTHETIC demo incidents". */
  item: string;
  /** Where it is written, e.g. `the embedded incident source`. */
  target: string;
  /** Writes the demo data of the demo entities the catalog has. */
  seed: () => Promise<DemoSeedResult>;
  /** The area's refresher, run after passes that wrote, until the first complete one, so summaries show the data at once. */
  refresher: Refresher;
  logger: LoggerService;
  now: () => Date;
  /** How often a complete seeder writes its data again (the history is relative to the hour): default an hour. */
  rewriteEveryMs?: number;
  /**
   * How long after its first pass it waits for missing demo entities (a demo catalog trimmed by the adopter never
   * gets them) before it counts as complete with the ones there are: default 10 minutes.
   */
  waitForCatalogMs?: number;
}

const HOUR_MS = 60 * 60 * 1000;
const WAIT_FOR_CATALOG_MS = 10 * 60 * 1000;

/**
 * The passes of a demo seeder that writes into an area's embedded source, run every minute: until every demo
 * entity it seeds is in the catalog (the catalog may still be reading its locations when the backend starts),
 * each pass seeds what exists and refreshes the area if it wrote; from the first complete pass on (or 10 minutes
 * after the first pass, with the entities there are), it logs what it wrote and writes again once an hour. Never
 * throws (a failed pass is logged; the next one retries).
 */
export class DemoSeedPass implements CompletableDemoSeeder {
  private firstPassAt?: number;
  private completedAt?: number;

  constructor(private readonly options: DemoSeedPassOptions) {}

  isComplete(): boolean {
    return this.completedAt !== undefined;
  }

  async run(signal?: AbortSignal): Promise<void> {
    const { item, target, logger } = this.options;
    const now = this.options.now().getTime();
    const rewriteEveryMs = this.options.rewriteEveryMs ?? HOUR_MS;
    if (
      this.completedAt !== undefined &&
      now - this.completedAt < rewriteEveryMs
    ) {
      return;
    }
    this.firstPassAt ??= now;
    const waitedOut =
      now - this.firstPassAt >=
      (this.options.waitForCatalogMs ?? WAIT_FOR_CATALOG_MS);
    try {
      const wasComplete = this.isComplete();
      const { written, missing } = await this.options.seed();
      if (signal?.aborted) return;
      if (missing === 0 || waitedOut) {
        this.completedAt = now;
      }
      if (wasComplete) return;
      if (this.isComplete()) {
        const absent =
          missing > 0
            ? ` (${missing} of its demo entities are not in the catalog)`
            : '';
        logger.info(
          `Wrote ${written} SYNTHETIC demo ${item}s to ${target}${absent}`,
        );
      }
      if (written > 0) {
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
