import { SloDefinition, SloObjective } from './types';

/**
 * Index of the objective an SLO's headline numbers and alert state use: the one with the highest target
 * (the first of equals), which burn-rate alerts are defined against. Every objective is still evaluated.
 * -1 for a definition without objectives.
 *
 * @public
 */
export function alertingObjectiveIndex(
  slo: Pick<SloDefinition, 'objectives'>,
): number {
  let best = slo.objectives.length > 0 ? 0 : -1;
  slo.objectives.forEach((objective, i) => {
    if (objective.target > slo.objectives[best].target) best = i;
  });
  return best;
}

/** The objective with the highest target (see `alertingObjectiveIndex`); undefined without objectives. @public */
export function alertingObjective(
  slo: Pick<SloDefinition, 'objectives'>,
): SloObjective | undefined {
  return slo.objectives[alertingObjectiveIndex(slo)];
}
