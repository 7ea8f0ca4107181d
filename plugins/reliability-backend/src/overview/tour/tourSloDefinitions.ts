import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATIONS,
  SloDefinition,
} from '@internal/backstage-plugin-reliability-common';
import { parseOpenSloYaml } from '../../slo/parseOpenSloYaml';
import { hasSloAnnotations } from '../../slo/SloDefinitionLoader';
import { refOf } from '../serviceRows';

/**
 * What the tour needs from the SLO feature: an entity's valid SLO definitions (from its definitions file or
 * inline annotation). The SLO feature's cached `definitions` loader satisfies it.
 */
export interface TourSloDefinitionSource {
  load(entity: Entity): Promise<{ definitions: SloDefinition[] }>;
}

/** Most services of one tour whose SLO definitions are loaded (each may be one file read); the rest say "N SLOs". */
export const MAX_EXPLAINED_SERVICES = 40;

/** Definition loads of one tour running at once. */
const LOAD_CONCURRENCY = 6;

/**
 * SLO definitions of the services a tour explains, keyed by entity ref. Only services that declare SLOs are
 * loaded, at most {@link MAX_EXPLAINED_SERVICES} of them (the first ones of the reading path), a few at a time,
 * through the SLO feature's cache. A service whose definitions cannot be loaded is left out (the reading path
 * then falls back to its SLO count). Without a source, only inline definitions (already on the entity) are read.
 */
export async function loadTourSloDefinitions(
  services: Entity[],
  source: TourSloDefinitionSource | undefined,
): Promise<Map<string, SloDefinition[]>> {
  const result = new Map<string, SloDefinition[]>();
  const wanted = services
    .filter(hasSloAnnotations)
    .slice(0, MAX_EXPLAINED_SERVICES);
  if (!source) {
    for (const entity of wanted) {
      const inline = entity.metadata.annotations?.[ANNOTATIONS.sloInline];
      if (inline?.trim()) {
        result.set(refOf(entity), parseOpenSloYaml(inline).slos);
      }
    }
    return result;
  }
  let next = 0;
  const worker = async () => {
    while (next < wanted.length) {
      const entity = wanted[next++];
      try {
        const { definitions } = await source.load(entity);
        if (definitions.length > 0) {
          result.set(refOf(entity), definitions);
        }
      } catch {
        // Unreadable definitions: the reading path shows the SLO count instead.
      }
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(LOAD_CONCURRENCY, wanted.length) }, worker),
  );
  return result;
}
