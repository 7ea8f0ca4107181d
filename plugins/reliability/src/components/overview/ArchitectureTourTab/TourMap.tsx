import {
  DependencyGraph,
  DependencyGraphTypes,
} from '@backstage/core-components';
import { makeStyles, useTheme } from '@material-ui/core/styles';
import { useEffect, useRef, useState } from 'react';
import { MapEdge, MapNode } from './collapseTourGraph';
import {
  TourMapActions,
  TourMapActionsContext,
  TourMapNode,
} from './TourMapNode';

const ARROW = 'tour-map-arrow';
const JOURNEY_ARROW = 'tour-map-journey-arrow';

const useStyles = makeStyles({
  frame: {
    // Anchors the graph's full-screen button inside the card; a drawing wider than the card scrolls in it.
    position: 'relative',
    width: '100%',
    overflowX: 'auto',
  },
});

/**
 * The width dagre gave the drawing (DependencyGraph's inner SVG), so the map can keep it at zoom 1 (and
 * scroll sideways) instead of shrinking its labels when expanded systems make it wider than the card.
 */
function useDrawingWidth() {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState<number>();
  useEffect(() => {
    const frame = ref.current;
    if (!frame || typeof MutationObserver === 'undefined') return undefined;
    const read = () => {
      const drawing = frame.querySelector('svg#dependency-graph > g > svg');
      const value = Number(drawing?.getAttribute('width'));
      setWidth(
        Number.isFinite(value) && value > 0 ? Math.ceil(value) : undefined,
      );
    };
    const observer = new MutationObserver(read);
    observer.observe(frame, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['width'],
    });
    read();
    return () => observer.disconnect();
  }, []);
  return { ref, width };
}

type EdgeProps = DependencyGraphTypes.RenderEdgeProps<MapEdge>;

/** An edge: a line along dagre's points, thicker and coloured on the selected journey, with its count. */
function TourMapEdge({ edge }: EdgeProps) {
  const theme = useTheme();
  const points = (edge.points ?? []).filter(
    p => Number.isFinite(p.x) && Number.isFinite(p.y),
  );
  if (points.length < 2) return null;
  const d = points
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x},${p.y}`)
    .join(' ');
  const middle = points[Math.floor(points.length / 2)];
  const colour = edge.journey
    ? theme.palette.primary.main
    : theme.palette.text.secondary;
  return (
    <g data-testid="tour-map-edge">
      <path
        d={d}
        fill="none"
        stroke={colour}
        strokeWidth={edge.journey ? 3 : 1.3}
        strokeDasharray={edge.journeyOnly ? '6 4' : undefined}
        markerEnd={`url(#${edge.journey ? JOURNEY_ARROW : ARROW})`}
      />
      {edge.count > 1 && (
        <text
          x={middle.x + 6}
          y={middle.y - 4}
          fontSize={12}
          fill={theme.palette.text.secondary}
        >
          {`×${edge.count}`}
        </text>
      )}
    </g>
  );
}

function Markers() {
  const theme = useTheme();
  const marker = (id: string, colour: string) => (
    <marker
      id={id}
      viewBox="0 0 10 10"
      refX="9"
      refY="5"
      markerWidth="8"
      markerHeight="8"
      orient="auto-start-reverse"
    >
      <path d="M0,0 L10,5 L0,10 z" fill={colour} />
    </marker>
  );
  return (
    <>
      {marker(ARROW, theme.palette.text.secondary)}
      {marker(JOURNEY_ARROW, theme.palette.primary.main)}
    </>
  );
}

/**
 * The map of a system or domain drawn with DependencyGraph (dagre layout), top to bottom: arrows point at what a
 * part depends on, the API it provides or uses. Nodes come from `collapseTourGraph`, so a domain starts with one
 * node per system. The SVG takes the height of the drawing (no blank band) and never shrinks below zoom 1, so
 * labels stay readable: a drawing wider than the card scrolls inside it. Zoom after a click. DependencyGraph
 * lays out again whenever `nodes` or `edges` change identity: callers memoise them.
 */
export function TourMap(props: {
  nodes: MapNode[];
  edges: MapEdge[];
  actions: TourMapActions;
}) {
  const classes = useStyles();
  const drawing = useDrawingWidth();
  return (
    <TourMapActionsContext.Provider value={props.actions}>
      <div className={classes.frame} data-testid="tour-map" ref={drawing.ref}>
        <div style={{ minWidth: drawing.width }}>
          <DependencyGraph<MapNode, MapEdge>
            nodes={props.nodes}
            edges={props.edges}
            renderNode={TourMapNode}
            renderEdge={TourMapEdge}
            defs={<Markers />}
            direction={DependencyGraphTypes.Direction.TOP_BOTTOM}
            nodeMargin={24}
            rankMargin={48}
            paddingX={8}
            paddingY={8}
            zoom="enable-on-click"
            style={{ height: 'auto', maxHeight: 1400 }}
          />
        </div>
      </div>
    </TourMapActionsContext.Provider>
  );
}
