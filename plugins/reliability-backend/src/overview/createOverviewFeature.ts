import { ReliabilityContext } from '../context';
import { ReliabilityFeature } from '../features';
import { OverviewService } from './OverviewService';
import { createOverviewRouter } from './router';
import { OverviewSources } from './sources';
import { TourService } from './tour/TourService';
import { TourSloDefinitionSource } from './tour/tourSloDefinitions';

/**
 * The org overview (`/overview`, `/overview.csv`, `/overview/summaries`) and the architecture tour
 * (`/tour/systems/...`, `/tour/domains/...`). Reads the catalog with the caller's credentials and the other
 * areas through their summary sources; it stores nothing of its own. `deps.sloDefinitions` (the SLO feature's
 * cached definitions loader) lets the tour explain what each SLO promises.
 */
export function createOverviewFeature(
  ctx: Pick<ReliabilityContext, 'catalog' | 'httpAuth'>,
  sources: OverviewSources,
  deps: { sloDefinitions?: TourSloDefinitionSource } = {},
): ReliabilityFeature & { overview: OverviewService; tour: TourService } {
  const overview = OverviewService.create({ catalog: ctx.catalog, sources });
  const tour = TourService.create({
    catalog: ctx.catalog,
    sources,
    sloDefinitions: deps.sloDefinitions,
  });
  return {
    name: 'overview',
    router: createOverviewRouter({ httpAuth: ctx.httpAuth, overview, tour }),
    overview,
    tour,
  };
}
