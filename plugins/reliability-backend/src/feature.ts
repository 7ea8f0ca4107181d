import express from 'express';

/**
 * One area of the suite (slo, oncall, runbooks, checklist, overview), as its `create<Area>Feature` factory
 * returns it: the area's routes, plus whatever the area offers to the areas created after it (its summary
 * source, its service). Background work is registered with the scheduler by the factory itself.
 * See docs/architecture.md.
 */
export interface ReliabilityFeature {
  readonly name: string;
  readonly router: express.Router;
}
