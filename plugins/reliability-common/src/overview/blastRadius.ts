import { TourNode, TourRunbook } from './tour';

/**
 * Types of the blast radius (`/tour/blast-radius/:kind/:namespace/:name`): what breaks if one component fails.
 */

/** How an entity depends on the one before it on its path: a `dependsOn` relation, or consuming an API. @public */
export type BlastRadiusLink = 'dependsOn' | 'consumesApi';

/** One entity that depends on the component, directly or transitively. @public */
export interface BlastRadiusEntity extends TourNode {
  /** Dependency hops from the component: 1 depends on it directly (APIs in between are not counted). */
  distance: number;
  /** The entities and APIs between the component and this one, nearest the component first. */
  via: string[];
  /** How it depends on the last entity (or API) of `via`, or on the component when `via` is empty. */
  link: BlastRadiusLink;
}

/** Response of the blast radius route. @public */
export interface BlastRadius {
  /** The component (or resource, API) that fails. */
  root: TourNode;
  /** Everything that depends on it, nearest first, then by tier and ref. */
  dependents: BlastRadiusEntity[];
  /** Its rollback procedures, pre-mortems and postmortems, from the runbook index. */
  rollbacks: TourRunbook[];
  premortems: TourRunbook[];
  postmortems: TourRunbook[];
  /** Hops followed at most; entities further away are not listed and `truncated` is set. */
  maxDistance: number;
  /** Set when the walk stopped at `maxDistance` or at the most entities it lists. */
  truncated: boolean;
}
