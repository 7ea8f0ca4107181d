import { Entity } from '@backstage/catalog-model';
import {
  PostmortemDetails,
  RunbookEntry,
} from '@internal/backstage-plugin-reliability-common';

/** One document of an entity (a runbook, rollback, postmortem or pre-mortem) with its postmortem front matter. */
export interface IncidentDocument {
  entry: RunbookEntry;
  /** Incidents, action items and launch date from the front matter; absent when it names none. */
  details?: PostmortemDetails;
}

/**
 * Where the incidents area reads an entity's postmortems, pre-mortems and rollback procedures: the runbooks
 * area's service (`RunbookService.load`, cached per entity version), declared here so the area depends on
 * this narrow interface only.
 */
export interface IncidentDocumentSource {
  load(entity: Entity): Promise<{ runbooks: IncidentDocument[] }>;
}
