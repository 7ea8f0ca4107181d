import {
  SloDefinition,
  TourSloExplanation,
} from '@internal/backstage-plugin-reliability-common';

function percent(target: number): string {
  const value = target * 100;
  return `${Number(value.toFixed(4))}%`;
}

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

function windowSeconds(definition: SloDefinition): number | null {
  const { window } = definition;
  if (window.kind === 'rolling') {
    return window.durationSeconds;
  }
  const unitDays = { Day: 1, Week: 7, Month: 30, Quarter: 91, Year: 365 };
  return unitDays[window.unit] * window.count * 86400;
}

/**
 * What an SLO promises, in one sentence a new hire can read: the share of good events (or time slices), the
 * window, and what that leaves as error budget. Uses the strictest objective when there are several.
 */
export function explainSlo(definition: SloDefinition): TourSloExplanation {
  const objective = [...definition.objectives].sort(
    (a, b) => b.target - a.target,
  )[0];
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
  const seconds = windowSeconds(definition);
  const budget =
    seconds === null
      ? ''
      : ` — an error budget of about ${humanDuration(
          seconds * (1 - objective.target),
        )} of complete failure per window`;
  const description = definition.description
    ? ` ${definition.description.trim()}`
    : '';
  return {
    name,
    meaning: `${percent(
      objective.target,
    )} of ${unit} for "${what}" must be good over ${
      definition.window.label
    }${budget}.${description}`,
  };
}
