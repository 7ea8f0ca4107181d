import {
  budgetSpentByEpisode,
  budgetSpentFromAttainment,
  countAlertEpisodes,
  EntitySlo,
  PolicyStateChange,
  SloHistoryPoint,
  SloReportPeriod,
  windowSeconds,
} from '@internal/backstage-plugin-reliability-common';

/** How far before a window's end the last collected state may lie to stand for the whole window. */
export const END_TOLERANCE_MS = 6 * 3600_000;

/** The SLO's last complete window and its current one, as instants. */
export function reportWindows(
  slo: EntitySlo,
  now: Date,
): {
  previous: { start: Date; end: Date };
  current: { start: Date; end: Date };
} {
  const { window } = slo.definition;
  const current = windowSeconds(window, now);
  if (window.kind === 'rolling') {
    return {
      current,
      previous: {
        start: new Date(
          current.start.getTime() - window.durationSeconds * 1000,
        ),
        end: current.start,
      },
    };
  }
  return {
    current,
    previous: windowSeconds(window, new Date(current.start.getTime() - 1)),
  };
}

function targetOf(slo: EntitySlo): number {
  return (
    slo.status?.target ??
    Math.max(...slo.definition.objectives.map(o => o.target))
  );
}

function within(iso: string, start: Date, end: Date): boolean {
  const at = Date.parse(iso);
  return at >= start.getTime() && at < end.getTime();
}

function alertsIn(
  history: SloHistoryPoint[],
  start: Date,
  end: Date,
): Pick<SloReportPeriod, 'burnAlerts' | 'episodes'> {
  // Biggest budget spender first.
  const episodes = budgetSpentByEpisode(
    history.filter(p => within(p.at, start, end)),
  );
  return { episodes, burnAlerts: countAlertEpisodes(episodes) };
}

/** The numbers of the last complete window: the SLO's own last-window result, else the last state collected before its end. */
function previousNumbers(
  slo: EntitySlo,
  history: SloHistoryPoint[],
  start: Date,
  end: Date,
): { attainment: number | null; budgetSpent: number | null; notes: string[] } {
  const target = targetOf(slo);
  const lastWindow = slo.status?.lastWindow;
  if (lastWindow && Date.parse(lastWindow.start) === start.getTime()) {
    return {
      attainment: lastWindow.attainment,
      budgetSpent: budgetSpentFromAttainment(lastWindow.attainment, target),
      notes: [],
    };
  }
  const last = history
    .filter(
      p =>
        within(p.at, new Date(end.getTime() - END_TOLERANCE_MS), end) &&
        p.attainment !== null,
    )
    .pop();
  if (!last) {
    return {
      attainment: null,
      budgetSpent: null,
      notes: [
        'No SLO state was collected near the end of this window (history is kept reliability.slo.retention.days).',
      ],
    };
  }
  return {
    attainment: last.attainment,
    budgetSpent:
      last.budgetRemaining === null
        ? budgetSpentFromAttainment(last.attainment, target)
        : Number((1 - last.budgetRemaining).toPrecision(12)),
    notes: [],
  };
}

function met(attainment: number | null, target: number): boolean | null {
  return attainment === null ? null : attainment >= target;
}

/**
 * One SLO of the review report over its last complete window and its current one: attainment, budget spent, burn
 * alerts seen in its collected history, and its policy state changes. `history` covers both windows (oldest first).
 */
export function reportPeriods(input: {
  slo: EntitySlo;
  history: SloHistoryPoint[];
  downsampled: boolean;
  changes: PolicyStateChange[];
  now: Date;
}): { previous: SloReportPeriod; current: SloReportPeriod } {
  const { slo, history, downsampled, changes, now } = input;
  const target = targetOf(slo);
  const windows = reportWindows(slo, now);
  const common = downsampled
    ? [
        'Alert episodes counted on downsampled history: episodes close together may count as one.',
      ]
    : [];
  const changesIn = (start: Date, end: Date) =>
    changes
      .filter(c => within(c.changedAt, start, end))
      .sort((a, b) => a.changedAt.localeCompare(b.changedAt));

  const prev = previousNumbers(
    slo,
    history,
    windows.previous.start,
    windows.previous.end,
  );
  const previous: SloReportPeriod = {
    start: windows.previous.start.toISOString(),
    end: windows.previous.end.toISOString(),
    complete: true,
    attainment: prev.attainment,
    budgetSpent: prev.budgetSpent,
    met: met(prev.attainment, target),
    ...alertsIn(history, windows.previous.start, windows.previous.end),
    policyChanges: changesIn(windows.previous.start, windows.previous.end),
    notes: [...prev.notes, ...common],
  };

  const status = slo.status;
  const currentNotes = [...common];
  if (!status) currentNotes.unshift('Not collected yet.');
  else if (status.stale) {
    currentNotes.unshift(
      'The latest collection failed: numbers are the last good data.',
    );
  }
  const attainment = status?.attainment ?? null;
  const current: SloReportPeriod = {
    start: windows.current.start.toISOString(),
    end: windows.current.end.toISOString(),
    complete: false,
    attainment,
    budgetSpent:
      status?.budgetRemaining === null || status?.budgetRemaining === undefined
        ? null
        : Number((1 - status.budgetRemaining).toPrecision(12)),
    met: met(attainment, target),
    ...alertsIn(history, windows.current.start, new Date(now.getTime() + 1)),
    policyChanges: changesIn(
      windows.current.start,
      new Date(now.getTime() + 1),
    ),
    notes: currentNotes,
  };
  return { previous, current };
}
