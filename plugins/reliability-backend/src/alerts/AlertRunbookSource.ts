import { Entity } from '@backstage/catalog-model';
import {
  RunbookAlertCoverage,
  RunbookEntry,
} from '@internal/backstage-plugin-reliability-common';

/**
 * Where the alerts area reads an entity's runbook index (the runbooks whose `answers` name an alert) and the
 * runbooks linked to its SLO alert policies (the Runbooks card's coverage): the runbooks area's service
 * (`RunbookService.load`, cached per entity version), declared here so the area depends on this narrow interface
 * only.
 */
export interface AlertRunbookSource {
  load(entity: Entity): Promise<{
    runbooks: Array<{ entry: RunbookEntry }>;
    coverage: { alerts: RunbookAlertCoverage[] };
  }>;
}
