import { ArchitectureTour } from '@internal/backstage-plugin-reliability-common';

/**
 * What the map draws of a tour: every node but the toured system/domain itself (it is the card's title, and
 * its partOf edges from every member only clutter), and the relations between the drawn nodes, once each.
 */
export function tourMapGraph(tour: ArchitectureTour) {
  const rootRef = tour.root.entityRef;
  const nodes = tour.nodes.filter(node => node.entityRef !== rootRef);
  const drawn = new Set(nodes.map(node => node.entityRef));
  const seen = new Set<string>();
  const edges = tour.edges.filter(edge => {
    const key = `${edge.from}\n${edge.to}`;
    if (
      edge.from === edge.to ||
      !drawn.has(edge.from) ||
      !drawn.has(edge.to) ||
      seen.has(key)
    ) {
      return false;
    }
    seen.add(key);
    return true;
  });
  return { nodes, edges };
}
