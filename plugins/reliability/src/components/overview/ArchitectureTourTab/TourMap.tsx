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

const NODE_WIDTH = 230;
const NODE_HEIGHT = 96;

const useStyles = makeStyles(theme => ({
  card: {
    boxSizing: 'border-box',
    width: NODE_WIDTH,
    height: NODE_HEIGHT,
    padding: theme.spacing(0.5, 1),
    borderRadius: 6,
    borderLeft: '8px solid',
    background: theme.palette.background.paper,
    border: `1px solid ${theme.palette.divider}`,
    fontSize: 12,
    lineHeight: 1.35,
    overflow: 'hidden',
  },
  external: { opacity: 0.6, borderStyle: 'dashed' },
  title: {
    fontWeight: 600,
    fontSize: 13,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  },
  line: { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' },
}));

type MapNode = DependencyGraphTypes.DependencyNode<TourNode>;

/** One node of the map: coloured by reliability state, linking to the entity page. */
function TourMapNode({ node }: DependencyGraphTypes.RenderNodeProps<TourNode>) {
  const classes = useStyles();
  const colour = STATE_COLOURS[node.state];
  const details = [
    node.kind,
    node.tier,
    node.sloCount > 0
      ? `${node.sloCount} SLO${
          node.sloCount === 1 ? '' : 's'
        } · ${formatPercent(node.worstBudgetRemaining)} budget`
      : null,
  ].filter(Boolean);
  return (
    <g>
      <foreignObject width={NODE_WIDTH} height={NODE_HEIGHT}>
        <div
          className={`${classes.card} ${node.external ? classes.external : ''}`}
          style={{ borderLeftColor: colour }}
          data-testid={`tour-node-${node.entityRef}`}
          title={`${STATE_LABELS[node.state]}${
            node.description ? ` — ${node.description}` : ''
          }`}
        >
          <div className={classes.title}>
            <EntityRefLink
              entityRef={node.entityRef}
              title={node.title ?? node.name}
            />
          </div>
          <div className={classes.line}>
            {STATE_LABELS[node.state]} · {details.join(' · ')}
          </div>
          <div className={classes.line}>
            Owner: {formatRef(node.owner, 'group')}
          </div>
          <div className={classes.line}>
            On call: {node.onCallPrimary?.name ?? '—'} · Runbooks:{' '}
            {node.runbookCount}
          </div>
        </div>
      </foreignObject>
    </g>
  );
}

/** The map of a system or domain: catalog relations drawn with DependencyGraph, nodes coloured by reliability. */
export function TourMap(props: { tour: ArchitectureTour }) {
  const nodes: MapNode[] = props.tour.nodes.map(node => ({
    ...node,
    id: node.entityRef,
  }));
  const edges = props.tour.edges.map(edge => ({
    from: edge.from,
    to: edge.to,
    label: edge.type,
  }));
  return (
    <DependencyGraph<TourNode, {}>
      nodes={nodes}
      edges={edges}
      renderNode={TourMapNode}
      direction={DependencyGraphTypes.Direction.LEFT_RIGHT}
      labelPosition={DependencyGraphTypes.LabelPosition.RIGHT}
      paddingX={16}
      paddingY={16}
      zoom="enable-on-click"
      style={{ width: '100%', minHeight: 420 }}
    />
  );
}
