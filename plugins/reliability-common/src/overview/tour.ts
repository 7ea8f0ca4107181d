import { OnCallPerson } from '../oncall/types';
import { RunbookKind, RunbookSource } from '../runbooks/types';

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

/**
 * A runbook of an entity as the runbook index lists it (Markdown files of the runbooks annotation, links of
 * type `runbook`, TechDocs pages), or a declared `runbook` link the index has not read yet (`id` null).
 * Never an annotation path.
 *
 * @public
 */
export interface TourRunbook {
  /** Id in the entity's runbook index: Markdown runbooks open at `?runbook=<id>` on its Runbooks tab. */
  id: string | null;
  title: string;
  kind: RunbookKind;
  /** Where a link or TechDocs runbook opens (http(s) URL or app path); null for Markdown runbooks. */
  url: string | null;
  source: RunbookSource;
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
  /**
   * The System this entity is part of, null for systems, domains and entities without one. The map draws a
   * collapsed system in place of its parts (the toured system's own parts are always drawn).
   */
  system: string | null;
  /** Components that are part of a system (a domain: of its systems), from catalog relations; null for other kinds. */
  serviceCount: number | null;
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
  /** Why it comes at this place of the path: what puts it ahead of the next service (tier, dependents, alerts, name). */
  whyThisOrder: string;
  state: ReliabilityState;
  runbooks: TourRunbook[];
  slos: TourSloExplanation[];
  /**
   * The entity whose TechDocs document this one (itself with `backstage.io/techdocs-ref`, or the entity named by
   * `backstage.io/techdocs-entity`); null without TechDocs.
   */
  techDocsEntityRef: string | null;
}

/** One step of a user journey: the component or API involved, what happens there, and its reliability. @public */
export interface TourJourneyStep {
  entityRef: string;
  kind: string;
  title: string;
  /** What happens at this step, from the journey file. */
  description: string;
  /** False when the catalog has no such entity (or the caller may not see it); the step is still listed. */
  found: boolean;
  /** The System the entity is part of (the map highlights it when the system is collapsed). */
  system: string | null;
  owner: string | null;
  state: ReliabilityState;
  worstBudgetRemaining: number | null;
  slos: TourSloExplanation[];
  onCallPrimary: OnCallPerson | null;
  runbooks: TourRunbook[];
}

/** The journey's own SLO: one of the SLOs of the System (or Domain) that declares the journey. @public */
export interface TourJourneySlo {
  name: string;
  explanation: TourSloExplanation;
  state: ReliabilityState;
  /** Share of the error budget left (1 untouched, 0 exhausted, negative overspent); null without data. */
  budgetRemaining: number | null;
  /** Share of good events (or slices) over the window; null without data. */
  attainment: number | null;
}

/** A user journey (what a user does, step by step), from a journey file of a System or Domain. @public */
export interface TourJourney {
  /** Unique within the tour: `<entity ref>#<name>`. */
  id: string;
  name: string;
  title: string;
  description: string | null;
  /** The System or Domain whose journeys annotation names the file. */
  entityRef: string;
  /** The file the journey was read from. */
  source: string;
  /** The journey's SLO (`spec.slo`), null when it names none or the SLO has no data yet (see `sloProblem`). */
  slo: TourJourneySlo | null;
  /** Why the named SLO is not shown (not defined on the entity, definitions unreadable). */
  sloProblem: string | null;
  steps: TourJourneyStep[];
}

/** A journey file that could not be read or is invalid; the other journeys are still shown. @public */
export interface TourJourneyProblem {
  /** The System or Domain whose journeys annotation names the file. */
  entityRef: string;
  source: string;
  /** What is wrong, naming the document and field (`#2 spec.steps.0.entity: ...`). */
  message: string;
}

/** Response of the tour routes. @public */
export interface ArchitectureTour {
  /** The system or domain toured. */
  root: { entityRef: string; title: string; description: string | null };
  nodes: TourNode[];
  edges: TourEdge[];
  readingPath: ReadingPathStep[];
  /** User journeys of the toured entity (and, for a domain, of its systems). */
  journeys: TourJourney[];
  /** Journey files that could not be used, one entry per problem. */
  journeyProblems: TourJourneyProblem[];
  /** Set when the system/domain has more parts than the tour draws. */
  truncated: boolean;
}
