import {
  alertingObjective,
  formatDuration,
  formatRatio,
  nominalWindowSeconds,
  SloDefinition,
  TourSloExplanation,
} from '@internal/backstage-plugin-reliability-common';

/** A duration in the largest unit that reads well: "43 minutes", "3.6 hours", "2 days". */
export function humanDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) {
    return 'no time';
  }
  const units: Array<[string, number]> = [
    ['day', 86400],
    ['hour', 3600],
    ['minute', 60],
    ['second', 1],
  ];
  for (const [unit, size] of units) {
    if (seconds >= size) {
      const amount = Number((seconds / size).toFixed(1));
      return `${amount} ${unit}${amount === 1 ? '' : 's'}`;
    }
  }
  return 'under a second';
}

/**
 * What an SLO promises, in one sentence a new hire can read: the share of good events (or time slices), the
 * window, and what that leaves as error budget. Uses the strictest objective when there are several.
 */
export function explainSlo(definition: SloDefinition): TourSloExplanation {
  const objective = alertingObjective(definition);
  const what =
    definition.indicator.displayName ??
    definition.indicator.description ??
    definition.indicator.name;
  const name = definition.displayName ?? definition.name;
  if (!objective) {
    return { name, meaning: `Measures ${what}; no objective is set.` };
  }
  const unit =
    definition.budgetingMethod === 'Timeslices' ? 'time slices' : 'events';
  const averaged =
    definition.budgetingMethod === 'RatioTimeslices'
      ? ` (the average of its ${formatDuration(
          objective.timeSliceWindowSeconds,
        )} time slices)`
      : '';
  const budget = ` — an error budget of about ${humanDuration(
    nominalWindowSeconds(definition.window) * (1 - objective.target),
  )} of complete failure per window`;
  const description = definition.description
    ? ` ${definition.description.trim()}`
    : '';
  return {
    name,
    meaning: `${formatRatio(
      objective.target,
      4,
    )} of ${unit} for "${what}" must be good over ${
      definition.window.label
    }${averaged}${budget}.${description}`,
  };
}
