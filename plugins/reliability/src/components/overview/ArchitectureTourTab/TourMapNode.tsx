import { DependencyGraphTypes } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { makeStyles } from '@material-ui/core/styles';
import { createContext, useContext } from 'react';
import { formatCount, formatPercent, formatRef } from '../overviewFormat';
import { STATE_COLOURS, STATE_LABELS } from '../ReliabilityStateChip';
import { MapNode } from './collapseTourGraph';

/** Size of a node card on the map (px, at zoom 1). */
export const NODE_WIDTH = 230;
export const NODE_HEIGHT = 88;

/** What a node can ask of the map it is drawn on. */
export interface TourMapActions {
  /** Expands a collapsed system. */
  toggleSystem(systemRef: string): void;
  /** A journey is selected: nodes off its path are dimmed. */
  journeySelected: boolean;
}

export const TourMapActionsContext = createContext<TourMapActions>({
  toggleSystem: () => {},
  journeySelected: false,
});

const useStyles = makeStyles(theme => ({
  card: {
    position: 'relative',
    boxSizing: 'border-box',
    width: NODE_WIDTH,
    height: NODE_HEIGHT,
    padding: theme.spacing(0.5, 1),
    borderRadius: 6,
    border: `1px solid ${theme.palette.divider}`,
    borderLeftWidth: 8,
    background: theme.palette.background.paper,
    color: theme.palette.text.primary,
    fontSize: 13,
    lineHeight: 1.45,
    overflow: 'hidden',
  },
  system: { borderWidth: 2, borderLeftWidth: 8 },
  external: { borderStyle: 'dashed' },
  dimmed: { opacity: 0.4 },
  current: {
    boxShadow: `0 0 0 3px ${theme.palette.primary.main}`,
  },
  title: {
    fontWeight: 600,
    fontSize: 15,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    paddingRight: theme.spacing(3),
  },
  line: { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' },
  lineWithAction: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
  },
  toggle: {
    flexShrink: 0,
    marginLeft: 'auto',
    fontSize: 13,
    lineHeight: 1.2,
    padding: '2px 6px',
    borderRadius: 4,
    border: `1px solid ${theme.palette.primary.main}`,
    color: theme.palette.primary.main,
    background: theme.palette.background.paper,
    cursor: 'pointer',
  },
  steps: {
    position: 'absolute',
    right: 4,
    top: 4,
    display: 'flex',
    gap: 2,
  },
  step: {
    minWidth: 20,
    height: 20,
    borderRadius: 10,
    padding: '0 4px',
    boxSizing: 'border-box',
    background: theme.palette.primary.main,
    color: theme.palette.primary.contrastText,
    fontSize: 12,
    fontWeight: 700,
    lineHeight: '20px',
    textAlign: 'center',
  },
}));

/** Second line: what the node is (a system with its services, or a part with its tier and system). */
function whatLine(node: MapNode): string {
  if (node.kind === 'system') {
    return `System · ${formatCount(node.serviceCount ?? 0, 'service')}`;
  }
  const parts = [node.tier ?? node.type ?? node.kind];
  if (node.systemTitle) parts.push(`in ${node.systemTitle}`);
  return parts.join(' · ');
}

/** Third line: the reliability state and the worst budget left (a system: of all its SLOs). */
function stateLine(node: MapNode): string {
  const parts = [STATE_LABELS[node.state]];
  if (node.sloCount > 0 && node.worstBudgetRemaining !== null) {
    parts.push(
      `${node.kind === 'system' ? 'worst budget' : 'budget'} ${formatPercent(
        node.worstBudgetRemaining,
      )}`,
    );
  }
  return parts.join(' · ');
}

function ownerLine(node: MapNode): string {
  if (node.onCallPrimary?.name) {
    return `On call: ${node.onCallPrimary.name}`;
  }
  if (node.owner) {
    return `Owner: ${formatRef(node.owner, 'group')}`;
  }
  return node.external ? 'Outside this scope' : 'No owner';
}

/**
 * One node of the map: coloured by reliability state, its name linking to the entity page; a system shows
 * its service count and worst budget and expands to its parts; journey steps are numbered on it.
 */
export function TourMapNode({
  node,
}: DependencyGraphTypes.RenderNodeProps<MapNode>) {
  const classes = useStyles();
  const actions = useContext(TourMapActionsContext);
  const name = node.title ?? node.name;
  const classNames = [
    classes.card,
    node.kind === 'system' ? classes.system : '',
    node.external ? classes.external : '',
    actions.journeySelected && node.journeySteps.length === 0
      ? classes.dimmed
      : '',
    node.current ? classes.current : '',
  ];
  const canToggle = node.collapsed && node.hiddenParts > 0;
  return (
    <g>
      <foreignObject width={NODE_WIDTH} height={NODE_HEIGHT}>
        <div
          className={classNames.filter(Boolean).join(' ')}
          style={{ borderLeftColor: STATE_COLOURS[node.state] }}
          data-testid={`tour-node-${node.entityRef}`}
          title={[
            `${node.kind}: ${name}`,
            STATE_LABELS[node.state],
            node.sloCount > 0 ? formatCount(node.sloCount, 'SLO') : 'no SLOs',
            `Owner: ${formatRef(node.owner, 'group')}`,
            node.external ? 'Outside this system/domain' : null,
            node.description,
          ]
            .filter(Boolean)
            .join('\n')}
        >
          <div className={classes.title}>
            <EntityRefLink entityRef={node.entityRef} title={name} />
          </div>
          <div className={classes.lineWithAction}>
            <span className={classes.line}>{whatLine(node)}</span>
            {canToggle && (
              <button
                type="button"
                className={classes.toggle}
                onClick={event => {
                  event.stopPropagation();
                  actions.toggleSystem(node.entityRef);
                }}
                aria-label={`Expand ${name}`}
              >
                Expand
              </button>
            )}
          </div>
          <div className={classes.line}>{stateLine(node)}</div>
          <div className={classes.line}>{ownerLine(node)}</div>
          {node.journeySteps.length > 0 && (
            <div
              className={classes.steps}
              role="group"
              aria-label="Journey steps here"
            >
              {node.journeySteps.slice(0, 4).map(step => (
                <span key={step} className={classes.step}>
                  {step}
                </span>
              ))}
            </div>
          )}
        </div>
      </foreignObject>
    </g>
  );
}
