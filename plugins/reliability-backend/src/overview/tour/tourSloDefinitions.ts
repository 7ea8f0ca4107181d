import { Entity } from '@backstage/catalog-model';
import {
  entityRefKey,
  hasSloDefinitions,
  SloDefinition,
} from '@internal/backstage-plugin-reliability-common';
import type { SloDefinitionSource } from '../../slo';
import { mapWithConcurrency } from '../../shared/concurrency';

/** Most services of one tour whose SLO definitions are loaded (each may be one file read); the rest say "N SLOs". */
export const MAX_EXPLAINED_SERVICES = 40;

/** Definition loads of one tour running at once. */
const LOAD_CONCURRENCY = 6;

/**
 * SLO definitions of the services a tour explains, keyed by entity ref. Only services that declare SLOs are
 * loaded, at most {@link MAX_EXPLAINED_SERVICES} of them (the first ones of the reading path), a few at a time,
 * through the SLO area's cache. A service whose definitions cannot be loaded is left out (the reading path
 * then falls back to its SLO count).
 */
export async function loadTourSloDefinitions(
  services: Entity[],
  source: SloDefinitionSource,
): Promise<Map<string, SloDefinition[]>> {
  const wanted = services
    .filter(hasSloDefinitions)
    .slice(0, MAX_EXPLAINED_SERVICES);
  const loaded = await mapWithConcurrency(
    wanted,
    LOAD_CONCURRENCY,
    async (entity): Promise<[string, SloDefinition[]]> => {
      try {
        const { definitions } = await source.load(entity);
        return [entityRefKey(entity), definitions];
      } catch {
        // Unreadable definitions: the reading path shows the SLO count instead.
        return [entityRefKey(entity), []];
      }
    },
  );
  return new Map(loaded.filter(([, definitions]) => definitions.length > 0));
}
