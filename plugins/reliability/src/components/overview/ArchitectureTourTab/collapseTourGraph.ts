import {
  ArchitectureTour,
  TourJourney,
  TourNode,
} from '@internal/backstage-plugin-reliability-common';

/** A node as the map draws it. */
export interface MapNode extends TourNode {
  id: string;
  /** A system drawn in place of its parts (click to expand). */
  collapsed: boolean;
  /** Parts of a collapsed system the map would draw when it is expanded. */
  hiddenParts: number;
  /** An expanded system whose parts carry this name (shown on the part). */
  systemTitle: string | null;
  /** Positions (1-based) of the steps of the selected journey this node stands for. */
  journeySteps: number[];
  /** The step being walked is here. */
  current: boolean;
}

/** An edge as the map draws it: the relations between two drawn nodes, aggregated. */
export interface MapEdge {
  from: string;
  to: string;
  /** Relations it stands for (several when parts of collapsed systems are related). */
  count: number;
  /** Consecutive steps of the selected journey go along it. */
  journey: boolean;
  /** Drawn only for the journey (the catalog has no relation between the two). */
  journeyOnly: boolean;
}

/** The journey highlighted on the map and the step being walked (0-based). */
export interface JourneyHighlight {
  journey: TourJourney;
  step: number;
}

const GROUP_KINDS = ['system', 'domain'];

/**
 * What the map draws of a tour, readable at any size: the toured system or domain itself is left out (it is
 * the card's title); every system is drawn as ONE node standing for its parts unless it is in `expanded`
 * (the toured system's own parts are always drawn); relations between the parts of two systems become one
 * edge between the systems, with a count; membership (`partOf` to a system or domain) is shown by grouping,
 * not drawn. With a journey selected, its steps are numbered on the nodes that stand for them and consecutive
 * steps are joined (along an existing edge when there is one).
 */
export function collapseTourGraph(
  tour: ArchitectureTour,
  expanded: ReadonlySet<string>,
  highlight?: JourneyHighlight,
): { nodes: MapNode[]; edges: MapEdge[]; outsideSteps: number[] } {
  const rootRef = tour.root.entityRef;
  const byRef = new Map(tour.nodes.map(node => [node.entityRef, node]));
  const isCollapsed = (ref: string) =>
    ref !== rootRef && byRef.get(ref)?.kind === 'system' && !expanded.has(ref);

  /** The drawn node an entity is shown as; undefined when it is not drawn. */
  const drawnAs = (ref: string): string | undefined => {
    if (ref === rootRef) return undefined;
    const node = byRef.get(ref);
    if (!node) return undefined;
    if (node.system && node.system !== rootRef && byRef.has(node.system)) {
      return isCollapsed(node.system) ? node.system : ref;
    }
    if (node.kind === 'system' && !isCollapsed(ref)) return undefined;
    return ref;
  };

  const drawn = new Map<string, MapNode>();
  const hidden = new Map<string, number>();
  for (const node of tour.nodes) {
    const as = drawnAs(node.entityRef);
    if (!as) continue;
    if (as !== node.entityRef) {
      hidden.set(as, (hidden.get(as) ?? 0) + 1);
      continue;
    }
    const system = node.system ? byRef.get(node.system) : undefined;
    drawn.set(as, {
      ...node,
      id: as,
      collapsed: isCollapsed(as),
      hiddenParts: 0,
      systemTitle:
        system && system.entityRef !== rootRef
          ? system.title ?? system.name
          : null,
      journeySteps: [],
      current: false,
    });
  }
  for (const [ref, count] of hidden) {
    drawn.get(ref)!.hiddenParts = count;
  }

  const edges = new Map<string, MapEdge>();
  for (const edge of tour.edges) {
    if (
      edge.type === 'partOf' &&
      GROUP_KINDS.includes(byRef.get(edge.to)?.kind ?? '')
    ) {
      continue;
    }
    const from = drawnAs(edge.from);
    const to = drawnAs(edge.to);
    if (!from || !to || from === to) continue;
    const key = `${from}\n${to}`;
    const existing = edges.get(key);
    if (existing) {
      existing.count += 1;
    } else {
      edges.set(key, {
        from,
        to,
        count: 1,
        journey: false,
        journeyOnly: false,
      });
    }
  }

  const outsideSteps: number[] = [];
  if (highlight) {
    const stops = highlight.journey.steps.map((step, index) => {
      const as =
        drawnAs(step.entityRef) ??
        (step.system ? drawnAs(step.system) : undefined);
      if (!as) {
        outsideSteps.push(index + 1);
        return undefined;
      }
      const node = drawn.get(as)!;
      node.journeySteps.push(index + 1);
      if (index === highlight.step) node.current = true;
      return as;
    });
    const joined = stops.filter((stop): stop is string => Boolean(stop));
    for (let i = 1; i < joined.length; i++) {
      const [a, b] = [joined[i - 1], joined[i]];
      if (a === b) continue;
      const along = edges.get(`${a}\n${b}`) ?? edges.get(`${b}\n${a}`);
      if (along) {
        along.journey = true;
      } else {
        edges.set(`${a}\n${b}`, {
          from: a,
          to: b,
          count: 0,
          journey: true,
          journeyOnly: true,
        });
      }
    }
  }
  return {
    nodes: [...drawn.values()],
    edges: [...edges.values()],
    outsideSteps,
  };
}

/** Systems of the tour that can be expanded or collapsed on the map (not the toured one). */
export function expandableSystems(tour: ArchitectureTour): TourNode[] {
  const withParts = new Set(
    tour.nodes.map(node => node.system).filter(Boolean) as string[],
  );
  return tour.nodes.filter(
    node =>
      node.kind === 'system' &&
      node.entityRef !== tour.root.entityRef &&
      withParts.has(node.entityRef),
  );
}
