import type { BackgroundWorkService } from './backgroundWork/BackgroundWorkService';
import type { CompletableDemoSeeder } from './shared/demoSeeding';

/**
 * How another area tells that an area's data has arrived since the backend started: the background tasks that
 * fill it and, with demo seeding on, the demo seeder of its embedded source (whose data is in place only once
 * the catalog had its demo entities). The demo's synthetic assessments wait for the areas the checklist's
 * automatic checks read.
 */
export interface AreaDataReadiness {
  readonly taskIds: string[];
  readonly demoSeeder?: CompletableDemoSeeder;
}

/**
 * Whether every area's demo seeder is complete and each of their tasks has succeeded at `since` or later (tasks
 * not recorded, of an area that is not installed, do not hold it up).
 */
export async function areasHaveData(
  areas: AreaDataReadiness[],
  backgroundWork: Pick<BackgroundWorkService, 'succeededSince'>,
  since: Date,
): Promise<boolean> {
  if (!areas.every(area => area.demoSeeder?.isComplete() ?? true)) {
    return false;
  }
  return backgroundWork.succeededSince(
    areas.flatMap(area => area.taskIds),
    since,
  );
}
