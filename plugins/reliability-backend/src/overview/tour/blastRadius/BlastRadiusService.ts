import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity, parseEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  BlastRadius,
  BlastRadiusEntity,
  BlastRadiusLink,
  entityRefKey,
  RunbookKind,
} from '@internal/backstage-plugin-reliability-common';
import { loadSummaries, OverviewSources } from '../../sources';
import { toNode } from '../buildTourGraph';
import { tourRunbooksOf } from '../runbookLinks';
import { loadByRefs, loadRoot } from '../tourCatalog';
import { RunbookIndex } from '../tourSources';

/** Dependency hops the walk follows at most. */
export const BLAST_RADIUS_MAX_DISTANCE = 6;
/** Most dependents one answer lists. */
export const BLAST_RADIUS_MAX_ENTITIES = 300;

/** Kinds whose blast radius can be asked for. */
const FAILING_KINDS = ['component', 'resource', 'api'];

const lower = (value: string) => value.toLowerCase();

function targets(entity: Entity, type: string): string[] {
  return (entity.relations ?? [])
    .filter(relation => relation.type === type)
    .map(relation => entityRefKey(parseEntityRef(relation.targetRef)));
}

const isApi = (entity: Entity) => lower(entity.kind) === 'api';

function tierRank(tier: string | null): number {
  const match = tier?.match(/(\d+)/);
  return match ? Number(match[1]) : Number.MAX_SAFE_INTEGER;
}

/** How an entity was reached: from which one, and by what. */
interface Reached {
  entity: Entity;
  from: string | null;
  link: BlastRadiusLink;
  distance: number;
}

/**
 * What breaks if one component fails: every entity that depends on it, transitively, through catalog
 * `dependsOn` relations (seen from the failing side as `dependencyOf`) and through the APIs it provides
 * (`providesApi`, then the API's `apiConsumedBy`). The walk goes level by level, two `getEntitiesByRefs` per
 * level (the APIs, then the dependents), at most {@link BLAST_RADIUS_MAX_DISTANCE} levels and
 * {@link BLAST_RADIUS_MAX_ENTITIES} entities, all with the caller's credentials; then ONE `getSummaries` per
 * area for tiers, SLOs and on-call, and ONE runbook index read for the component's rollbacks and pre-mortems.
 */
export class BlastRadiusService {
  private readonly catalog: CatalogService;
  private readonly sources: OverviewSources;
  private readonly runbookIndex?: RunbookIndex;

  constructor(options: {
    catalog: CatalogService;
    sources: OverviewSources;
    runbookIndex?: RunbookIndex;
  }) {
    this.catalog = options.catalog;
    this.sources = options.sources;
    this.runbookIndex = options.runbookIndex;
  }

  async blastRadius(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<BlastRadius> {
    const root = await loadRoot(
      this.catalog,
      entityRef,
      FAILING_KINDS,
      credentials,
    );
    const rootRef = entityRefKey(root);
    const reached = new Map<string, Reached>();
    const seen = new Set([rootRef]);
    let budget = BLAST_RADIUS_MAX_ENTITIES;
    let truncated = false;
    let frontier: Entity[] = [root];

    const load = async (refs: string[]) => {
      const fresh = [...new Set(refs)].filter(ref => !seen.has(ref));
      fresh.forEach(ref => seen.add(ref));
      const { entities, truncated: cut } = await loadByRefs(
        this.catalog,
        fresh,
        credentials,
        budget,
      );
      truncated = truncated || cut;
      budget -= entities.length;
      return entities;
    };

    for (
      let distance = 1;
      frontier.length > 0 && distance <= BLAST_RADIUS_MAX_DISTANCE;
      distance++
    ) {
      // The APIs the frontier provides (an API that fails is its own frontier).
      const providedBy = new Map<string, string>();
      for (const entity of frontier) {
        for (const api of targets(entity, 'providesApi')) {
          if (!providedBy.has(api)) providedBy.set(api, entityRefKey(entity));
        }
      }
      const apis = [
        ...frontier.filter(isApi),
        ...(await load([...providedBy.keys()])),
      ];
      for (const api of apis) {
        const ref = entityRefKey(api);
        if (ref !== rootRef && !reached.has(ref)) {
          reached.set(ref, {
            entity: api,
            from: providedBy.get(ref) ?? null,
            link: 'dependsOn',
            distance: distance - 1,
          });
        }
      }
      // Who depends on the frontier, or consumes its APIs.
      const from = new Map<string, { from: string; link: BlastRadiusLink }>();
      for (const entity of frontier) {
        for (const ref of targets(entity, 'dependencyOf')) {
          if (!from.has(ref))
            from.set(ref, { from: entityRefKey(entity), link: 'dependsOn' });
        }
      }
      for (const api of apis) {
        for (const ref of targets(api, 'apiConsumedBy')) {
          if (!from.has(ref))
            from.set(ref, { from: entityRefKey(api), link: 'consumesApi' });
        }
      }
      const next = await load([...from.keys()]);
      for (const entity of next) {
        const ref = entityRefKey(entity);
        reached.set(ref, { entity, ...from.get(ref)!, distance });
      }
      frontier = next;
      if (distance === BLAST_RADIUS_MAX_DISTANCE && next.length > 0) {
        truncated =
          truncated ||
          next.some(
            e =>
              targets(e, 'dependencyOf').some(r => !seen.has(r)) ||
              targets(e, 'providesApi').length > 0,
          );
      }
    }

    const dependentRefs = [...reached.keys()].filter(
      ref => !isApi(reached.get(ref)!.entity),
    );
    const [summaries, runbooks] = await Promise.all([
      loadSummaries(this.sources, [rootRef, ...dependentRefs]),
      this.runbookIndex?.getRunbooks([rootRef]) ?? Promise.resolve(new Map()),
    ]);
    const viaOf = (ref: string): string[] => {
      const path: string[] = [];
      let step = reached.get(ref)?.from ?? null;
      while (step && step !== rootRef && path.length <= reached.size) {
        path.unshift(step);
        step = reached.get(step)?.from ?? null;
      }
      return path;
    };
    const dependents: BlastRadiusEntity[] = dependentRefs
      .map(ref => {
        const { entity, link, distance } = reached.get(ref)!;
        return {
          ...toNode(entity, false, summaries),
          distance,
          via: viaOf(ref),
          link,
        };
      })
      .sort(
        (a, b) =>
          a.distance - b.distance ||
          tierRank(a.tier) - tierRank(b.tier) ||
          a.entityRef.localeCompare(b.entityRef),
      );
    const rootRunbooks = tourRunbooksOf(root, runbooks.get(rootRef));
    const ofKind = (kind: RunbookKind) =>
      rootRunbooks.filter(runbook => runbook.kind === kind);
    return {
      root: toNode(root, false, summaries),
      dependents,
      rollbacks: ofKind('rollback'),
      premortems: ofKind('premortem'),
      postmortems: ofKind('postmortem'),
      maxDistance: BLAST_RADIUS_MAX_DISTANCE,
      truncated,
    };
  }
}
