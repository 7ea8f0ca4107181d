import {
  DependencyGraph,
  DependencyGraphTypes,
} from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { makeStyles } from '@material-ui/core/styles';
import {
  ArchitectureTour,
  TourNode,
} from '@internal/backstage-plugin-reliability-common';
import { formatPercent, formatRef } from '../overviewFormat';
import { STATE_COLOURS, STATE_LABELS } from '../ReliabilityStateChip';
import { tourMapGraph } from './tourMapGraph';

const NODE_WIDTH = 190;
const NODE_HEIGHT = 62;

const useStyles = makeStyles(theme => ({
  frame: {
    // Anchors the graph's full-screen button inside the card.
    position: 'relative',
    width: '100%',
  },
  card: {
    boxSizing: 'border-box',
    width: NODE_WIDTH,
    height: NODE_HEIGHT,
    padding: theme.spacing(0.5, 1),
    borderRadius: 6,
    border: `1px solid ${theme.palette.divider}`,
    borderLeftWidth: 8,
    background: theme.palette.background.paper,
    color: theme.palette.text.primary,
    fontSize: 11,
    lineHeight: 1.4,
    overflow: 'hidden',
  },
  external: { opacity: 0.65, borderStyle: 'dashed' },
  title: {
    fontWeight: 600,
    fontSize: 12.5,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  },
  line: { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' },
}));

type MapNode = DependencyGraphTypes.DependencyNode<TourNode>;

function summaryLine(node: TourNode): string {
  const parts: string[] = [STATE_LABELS[node.state]];
  if (node.sloCount > 0 && node.worstBudgetRemaining !== null) {
    parts.push(`${formatPercent(node.worstBudgetRemaining)} budget`);
  }
  parts.push(node.tier ?? node.type ?? node.kind);
  return parts.join(' · ');
}

function ownerLine(node: TourNode): string {
  if (node.onCallPrimary?.name) {
    return `On call: ${node.onCallPrimary.name}`;
  }
  if (node.owner) {
    return `Owner: ${formatRef(node.owner, 'group')}`;
  }
  return node.external ? 'Outside this scope' : 'No owner';
}

/** One node of the map: coloured by reliability state, its name linking to the entity page. */
function TourMapNode({ node }: DependencyGraphTypes.RenderNodeProps<TourNode>) {
  const classes = useStyles();
  const colour = STATE_COLOURS[node.state];
  return (
    <g>
      <foreignObject width={NODE_WIDTH} height={NODE_HEIGHT}>
        <div
          className={`${classes.card} ${node.external ? classes.external : ''}`}
          style={{ borderLeftColor: colour }}
          data-testid={`tour-node-${node.entityRef}`}
          title={[
            `${node.kind}: ${node.title ?? node.name}`,
            STATE_LABELS[node.state],
            node.sloCount > 0
              ? `${node.sloCount} SLO${node.sloCount === 1 ? '' : 's'}`
              : 'no SLOs',
            `Owner: ${formatRef(node.owner, 'group')}`,
            `Runbooks: ${node.runbookCount}`,
            node.external ? 'Outside this system/domain' : null,
            node.description,
          ]
            .filter(Boolean)
            .join('\n')}
        >
          <div className={classes.title}>
            <EntityRefLink
              entityRef={node.entityRef}
              title={node.title ?? node.name}
            />
          </div>
          <div className={classes.line}>{summaryLine(node)}</div>
          <div className={classes.line}>{ownerLine(node)}</div>
        </div>
      </foreignObject>
    </g>
  );
}

/**
 * The map of a system or domain: its parts and their relations (dependsOn, APIs, partOf) drawn with
 * DependencyGraph, left to right, arrows pointing at what a part depends on or belongs to; nodes coloured by
 * reliability state. The SVG takes the height of the drawing (no blank band); zoom after a click.
 */
export function TourMap(props: { tour: ArchitectureTour }) {
  const classes = useStyles();
  const graph = tourMapGraph(props.tour);
  const nodes: MapNode[] = graph.nodes.map(node => ({
    ...node,
    id: node.entityRef,
  }));
  const edges = graph.edges.map(edge => ({ from: edge.from, to: edge.to }));
  return (
    <div className={classes.frame} data-testid="tour-map">
      <DependencyGraph<TourNode, {}>
        nodes={nodes}
        edges={edges}
        renderNode={TourMapNode}
        direction={DependencyGraphTypes.Direction.LEFT_RIGHT}
        nodeMargin={14}
        rankMargin={60}
        paddingX={8}
        paddingY={8}
        showArrowHeads
        zoom="enable-on-click"
        style={{ height: 'auto', maxHeight: 1400 }}
      />
    </div>
  );
}
