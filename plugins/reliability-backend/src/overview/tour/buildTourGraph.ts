import { Entity, parseEntityRef } from '@backstage/catalog-model';
import {
  entityRefKey,
  reliabilityStateOf,
  TourEdge,
  TourEdgeType,
  TourNode,
} from '@internal/backstage-plugin-reliability-common';
import { relatedRef, systemRefOf, tierOf } from '../serviceRows';
import { LoadedSummaries } from '../sources';
import { rollUpGroupNodes } from './rollUpGroupNodes';

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() ? value : null;

const lower = (value: string) => value.toLowerCase();

/** Relation types of the catalog drawn as edges, from the source entity's point of view. */
const EDGE_RELATIONS: TourEdgeType[] = [
  'dependsOn',
  'providesApi',
  'consumesApi',
  'partOf',
];

/** Catalog entities on the map and the relations to draw between them. */
export interface TourGraphInput {
  /** The system or domain toured (drawn as a node too, so partOf edges land somewhere). */
  root: Entity;
  /** Entities inside the system or domain. */
  members: Entity[];
  /** Relations to draw; `partOf` edges are only drawn between entities on the map. */
  edgeTypes: TourEdgeType[];
  summaries: LoadedSummaries;
  /**
   * Entities outside the scope that were loaded: targets of the members' edges and the systems they belong to.
   * Targets not among them are drawn from their ref alone.
   */
  externals?: Entity[];
}

/** Number of catalog entities that depend on this one. */
export function dependentsOf(entity: Entity): number {
  return (entity.relations ?? []).filter(r => r.type === 'dependencyOf').length;
}

const GROUP_KINDS = ['system', 'domain'];

/** The System an entity is part of (its partOf relation, else `spec.system`); null for systems and domains. */
export function systemOf(entity: Entity): string | null {
  if (GROUP_KINDS.includes(lower(entity.kind))) {
    return null;
  }
  const partOf = (entity.relations ?? [])
    .filter(relation => relation.type === 'partOf')
    .map(relation => parseEntityRef(relation.targetRef))
    .find(ref => lower(ref.kind) === 'system');
  return partOf ? entityRefKey(partOf) : systemRefOf(entity);
}

/** Components that are parts of a system (its hasPart relations); null for other kinds. */
function componentParts(entity: Entity): number | null {
  if (lower(entity.kind) !== 'system') {
    return null;
  }
  return (entity.relations ?? []).filter(
    relation =>
      relation.type === 'hasPart' &&
      lower(parseEntityRef(relation.targetRef).kind) === 'component',
  ).length;
}

export function toNode(
  entity: Entity,
  external: boolean,
  summaries: LoadedSummaries,
): TourNode {
  const entityRef = entityRefKey(entity);
  const slo = summaries.slo.get(entityRef);
  return {
    entityRef,
    kind: lower(entity.kind),
    name: entity.metadata.name,
    title: text(entity.metadata.title),
    description: text(entity.metadata.description),
    type: text(entity.spec?.type),
    owner: relatedRef(
      entity.spec?.owner,
      'group',
      entity.metadata.namespace ?? 'default',
    ),
    external,
    state: reliabilityStateOf(slo),
    worstBudgetRemaining: slo?.worstBudgetRemaining ?? null,
    sloCount: slo?.sloCount ?? 0,
    runbookCount: summaries.runbooks.get(entityRef)?.runbookCount ?? 0,
    onCallPrimary: summaries.oncall.get(entityRef)?.primary ?? null,
    tier: tierOf(entity),
    dependents: dependentsOf(entity),
    system: systemOf(entity),
    serviceCount: componentParts(entity),
  };
}

/** A domain counts the components of its systems on the map. */
function withDomainServiceCounts(
  nodes: Map<string, TourNode>,
  entities: Entity[],
): void {
  for (const entity of entities) {
    if (lower(entity.kind) !== 'domain') continue;
    const ref = entityRefKey(entity);
    const count = (entity.relations ?? [])
      .filter(relation => relation.type === 'hasPart')
      .map(relation =>
        nodes.get(entityRefKey(parseEntityRef(relation.targetRef))),
      )
      .reduce((sum, part) => sum + (part?.serviceCount ?? 0), 0);
    nodes.set(ref, { ...nodes.get(ref)!, serviceCount: count });
  }
}

/** An entity outside the toured scope, known only by the ref an edge points to. */
function externalNode(entityRef: string, summaries: LoadedSummaries): TourNode {
  const { kind, namespace, name } = parseEntityRef(entityRef);
  return toNode(
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind,
      metadata: { name, namespace },
    },
    true,
    summaries,
  );
}

/** Refs of the entities outside the map that edges of the members lead to (they get external nodes). */
export function externalRefs(
  input: Omit<TourGraphInput, 'summaries'>,
): string[] {
  const inside = new Set(
    [input.root, ...input.members].map(e => entityRefKey(e)),
  );
  const outside = new Set<string>();
  for (const member of input.members) {
    for (const relation of member.relations ?? []) {
      const type = relation.type as TourEdgeType;
      const target = entityRefKey(parseEntityRef(relation.targetRef));
      if (
        type !== 'partOf' &&
        input.edgeTypes.includes(type) &&
        !inside.has(target)
      ) {
        outside.add(target);
      }
    }
  }
  return [...outside];
}

/**
 * Builds the map of a system or domain from catalog relations: one node per member (plus the root, plus
 * external nodes that edges lead to and the systems those belong to) and one edge per relation of the drawn
 * types, each node carrying its reliability state, owner, on-call primary, runbook and SLO counts and the
 * system it is part of. Systems and domains show the roll-up of their parts' SLOs (`rollUpGroupNodes`) and
 * how many components they hold.
 */
export function buildTourGraph(input: TourGraphInput): {
  nodes: TourNode[];
  edges: TourEdge[];
} {
  const { root, members, edgeTypes, summaries } = input;
  const nodes = new Map<string, TourNode>();
  nodes.set(entityRefKey(root), toNode(root, false, summaries));
  for (const member of members) {
    nodes.set(entityRefKey(member), toNode(member, false, summaries));
  }
  const inside = new Set(nodes.keys());
  const loaded = new Map(
    (input.externals ?? []).map(entity => [entityRefKey(entity), entity]),
  );
  for (const ref of externalRefs(input)) {
    const entity = loaded.get(ref);
    nodes.set(
      ref,
      entity ? toNode(entity, true, summaries) : externalNode(ref, summaries),
    );
  }
  // The systems of external nodes, so the map can draw them collapsed.
  for (const node of [...nodes.values()]) {
    const entity = node.external && node.system && loaded.get(node.system);
    if (entity && !nodes.has(node.system!)) {
      nodes.set(node.system!, toNode(entity, true, summaries));
    }
  }
  withDomainServiceCounts(nodes, [root, ...members]);

  const edges = new Map<string, TourEdge>();
  for (const member of members) {
    const from = entityRefKey(member);
    for (const relation of member.relations ?? []) {
      const type = relation.type as TourEdgeType;
      const to = entityRefKey(parseEntityRef(relation.targetRef));
      if (!EDGE_RELATIONS.includes(type) || !edgeTypes.includes(type)) {
        continue;
      }
      if (type === 'partOf' && !inside.has(to)) {
        continue;
      }
      if (from !== to) {
        edges.set(`${from} ${type} ${to}`, { from, to, type });
      }
    }
  }
  return {
    nodes: rollUpGroupNodes([...nodes.values()], root, members, summaries),
    edges: [...edges.values()],
  };
}
