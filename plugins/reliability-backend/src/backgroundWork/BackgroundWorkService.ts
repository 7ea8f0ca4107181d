import { BackgroundWorkResponse } from '@internal/backstage-plugin-reliability-common';
import { TaskRunStore } from './store/TaskRunStore';
import { taskHealth } from './taskHealth';

/** The health of the plugin's background tasks, judged from their recorded runs. */
export class BackgroundWorkService {
  constructor(
    private readonly options: { store: TaskRunStore; now: () => Date },
  ) {}

  /** Every recorded task and its state now; failures' messages and runners' host names only `withDetails`. */
  async list(withDetails: boolean): Promise<BackgroundWorkResponse> {
    const now = this.options.now();
    const records = await this.options.store.list();
    return {
      tasks: records.map(record => taskHealth(record, now, { withDetails })),
      checkedAt: now.toISOString(),
      detailsShown: withDetails,
    };
  }
}
