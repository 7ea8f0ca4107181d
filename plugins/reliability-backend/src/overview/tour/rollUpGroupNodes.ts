import { Entity, parseEntityRef } from '@backstage/catalog-model';
import {
  entityRefKey,
  reliabilityStateOf,
  TourNode,
} from '@internal/backstage-plugin-reliability-common';
import { rollUpSlos, SloRollUp } from '../sloRollUp';
import { LoadedSummaries } from '../sources';

/** Kinds whose node shows the roll-up of its parts. */
const GROUP_KINDS = new Set(['system', 'domain']);

const refOf = (targetRef: string) => entityRefKey(parseEntityRef(targetRef));

/** The parts on the map of each entity: `partOf` relations of the members and `hasPart` relations of all. */
function partsOnMap(
  root: Entity,
  members: Entity[],
  onMap: Set<string>,
): Map<string, Set<string>> {
  const parts = new Map<string, Set<string>>();
  const add = (whole: string, part: string) => {
    if (whole === part || !onMap.has(whole) || !onMap.has(part)) return;
    const set = parts.get(whole) ?? new Set<string>();
    set.add(part);
    parts.set(whole, set);
  };
  for (const entity of [root, ...members]) {
    const ref = entityRefKey(entity);
    for (const relation of entity.relations ?? []) {
      if (relation.type === 'hasPart') add(ref, refOf(relation.targetRef));
      if (relation.type === 'partOf' && entity !== root) {
        add(refOf(relation.targetRef), ref);
      }
    }
  }
  return parts;
}

/**
 * The nodes with every system and domain on the map (not external ones) showing the roll-up of its SLOs and
 * those of its parts (`rollUpSlos`): a system with its components' SLOs, a domain with its systems' roll-ups.
 * Their `sloCount`, `worstBudgetRemaining` and `state` become those of the roll-up; other nodes are unchanged.
 */
export function rollUpGroupNodes(
  nodes: TourNode[],
  root: Entity,
  members: Entity[],
  summaries: LoadedSummaries,
): TourNode[] {
  const byRef = new Map(nodes.map(node => [node.entityRef, node]));
  const parts = partsOnMap(root, members, new Set(byRef.keys()));
  const rolled = new Map<string, SloRollUp | undefined>();
  const inProgress = new Set<string>();
  const rollUpOf = (ref: string): SloRollUp | undefined => {
    const own = summaries.slo.get(ref);
    const node = byRef.get(ref);
    if (!node || !GROUP_KINDS.has(node.kind) || inProgress.has(ref)) {
      return own;
    }
    if (!rolled.has(ref)) {
      inProgress.add(ref);
      rolled.set(
        ref,
        rollUpSlos([own, ...[...(parts.get(ref) ?? [])].map(rollUpOf)]),
      );
      inProgress.delete(ref);
    }
    return rolled.get(ref);
  };
  return nodes.map(node => {
    if (node.external || !GROUP_KINDS.has(node.kind)) return node;
    const rollUp = rollUpOf(node.entityRef);
    return {
      ...node,
      state: reliabilityStateOf(rollUp),
      worstBudgetRemaining: rollUp?.worstBudgetRemaining ?? null,
      sloCount: rollUp?.sloCount ?? 0,
    };
  });
}
