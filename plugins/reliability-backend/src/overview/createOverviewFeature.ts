import { ReliabilityContext } from '../context';
import { ReliabilityFeature } from '../feature';
import type { SloDefinitionSource } from '../slo';
import { OverviewService } from './OverviewService';
import { createOverviewRouter } from './router';
import { OverviewSources } from './sources';
import { TourService } from './tour/TourService';

/**
 * The overview feature: routes, plus its two services for the areas that answer the same questions elsewhere
 * (the actions area's `list-services-at-risk` and `explain-system`). It stores nothing.
 */
export type OverviewFeature = ReliabilityFeature & {
  name: 'overview';
  overview: OverviewService;
  tour: TourService;
};

/**
 * The org overview (`/overview`, `/overview.csv`, `/overview/summaries`) and the architecture tour
 * (`/tour/systems/...`, `/tour/domains/...`). Reads the catalog with the caller's credentials and the other
 * areas through their summary sources and the maturity level index; it stores nothing of its own and has no
 * refresher. `sloDefinitions` (the SLO area's cached definitions loader) lets the tour explain what each SLO
 * promises.
 */
export async function createOverviewFeature(
  ctx: ReliabilityContext,
  sources: OverviewSources & { sloDefinitions: SloDefinitionSource },
): Promise<OverviewFeature> {
  const { sloDefinitions, ...summaries } = sources;
  const overview = new OverviewService({
    catalog: ctx.catalog,
    sources: summaries,
  });
  const tour = new TourService({
    catalog: ctx.catalog,
    sources: summaries,
    sloDefinitions,
  });
  return {
    name: 'overview',
    router: createOverviewRouter({ httpAuth: ctx.httpAuth, overview, tour }),
    overview,
    tour,
  };
}
