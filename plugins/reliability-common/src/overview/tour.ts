import { OnCallPerson } from '../oncall/types';

/**
 * Types of the architecture tour (`/tour/systems/:namespace/:name`, `/tour/domains/:namespace/:name`):
 * a map of a system or domain coloured by reliability, and a reading path for new hires.
 */

/**
 * Reliability state of a node, from its SLO summary: `breaching` (budget exhausted or paging),
 * `at-risk` (budget low or a ticket alert), `ok`, or `unknown` (no SLOs or no data).
 *
 * @public
 */
export type ReliabilityState = 'ok' | 'at-risk' | 'breaching' | 'unknown';

/** Relation types drawn in the tour. @public */
export type TourEdgeType =
  | 'dependsOn'
  | 'providesApi'
  | 'consumesApi'
  | 'partOf';

/** A runbook of a service: a link of type `runbook`, or a Markdown file named by the runbooks annotation. @public */
export interface TourRunbook {
  title: string;
  url: string;
}

/** What one SLO of a service promises, in plain words. @public */
export interface TourSloExplanation {
  name: string;
  /** E.g. "99.9% of checkout requests succeed, measured over 28 days (about 40 minutes of errors allowed)". */
  meaning: string;
}

/** One entity on the map. `external` nodes are outside the system/domain, shown because an edge leads to them. @public */
export interface TourNode {
  entityRef: string;
  kind: string;
  name: string;
  title: string | null;
  description: string | null;
  type: string | null;
  owner: string | null;
  external: boolean;
  /**
   * For a system or a domain these three are rolled up over its parts on the map: a system's own SLOs and those
   * of its components, a domain's own SLOs and those of its systems (each rolled up first). The state is that
   * of the roll-up: the most severe alert and the lowest budget.
   */
  state: ReliabilityState;
  /** Budget remaining of the worst SLO (ratio), for the tooltip. */
  worstBudgetRemaining: number | null;
  sloCount: number;
  runbookCount: number;
  onCallPrimary: OnCallPerson | null;
  tier: string | null;
  /** Number of catalog entities that depend on this one (its dependencyOf relations). */
  dependents: number;
}

/** A relation between two nodes, from `from` to `to`, e.g. `orders dependsOn payments-db`. @public */
export interface TourEdge {
  from: string;
  to: string;
  type: TourEdgeType;
}

/** One stop of the reading path: a service a new hire should get to know, most important first. @public */
export interface ReadingPathStep {
  entityRef: string;
  title: string;
  /** One line: why it matters (tier, dependents, alerting). */
  whyItMatters: string;
  state: ReliabilityState;
  runbooks: TourRunbook[];
  slos: TourSloExplanation[];
}

/** Response of the tour routes. @public */
export interface ArchitectureTour {
  /** The system or domain toured. */
  root: { entityRef: string; title: string; description: string | null };
  nodes: TourNode[];
  edges: TourEdge[];
  readingPath: ReadingPathStep[];
  /** Set when the system/domain has more parts than the tour draws. */
  truncated: boolean;
}
