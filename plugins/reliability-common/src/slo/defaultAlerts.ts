import { nominalWindowSeconds, windowBudgetNoun } from './alertExplanations';
import { formatBurnRateThreshold, formatDuration, formatRatio } from './format';
import { burnRateForBudgetConsumption, cleanNumber } from './math';
import { BurnRateAlertCondition, SloWindow } from './types';

const MINUTE = 60;
const HOUR = 3600;

/** One default alert: the share of the SLO window's budget it fires on, over which windows. @public */
export interface DefaultAlertBudgetShare {
  name: string;
  severity: 'page' | 'ticket';
  /** Share of the window's budget spent over the long window when the alert fires. */
  budgetShare: number;
  longWindowSeconds: number;
  shortWindowSeconds: number;
}

/**
 * The SRE workbook's multiwindow alerts as budget shares (chapter 5): page when 2% of the budget burns in
 * 1h (short window 5m), page at 5% in 6h (30m), ticket at 10% in 3d (6h).
 *
 * @public
 */
export const DEFAULT_ALERT_BUDGET_SHARES: ReadonlyArray<DefaultAlertBudgetShare> =
  [
    {
      name: 'page-fast-burn',
      severity: 'page',
      budgetShare: 0.02,
      longWindowSeconds: 1 * HOUR,
      shortWindowSeconds: 5 * MINUTE,
    },
    {
      name: 'page-medium-burn',
      severity: 'page',
      budgetShare: 0.05,
      longWindowSeconds: 6 * HOUR,
      shortWindowSeconds: 30 * MINUTE,
    },
    {
      name: 'ticket-slow-burn',
      severity: 'ticket',
      budgetShare: 0.1,
      longWindowSeconds: 72 * HOUR,
      shortWindowSeconds: 6 * HOUR,
    },
  ];

/** A default alert condition with why its threshold is what it is. @public */
export interface DefaultBurnRateAlert extends BurnRateAlertCondition {
  explanation: string;
}

/** Burn rates are rounded to two decimals so the threshold is the number its explanation shows. */
function roundRate(rate: number): number {
  return cleanNumber(Math.round(rate * 100) / 100) ?? 0;
}

/**
 * The default multiwindow burn-rate alerts of an SLO without alert policies, derived for its window from
 * `DEFAULT_ALERT_BUDGET_SHARES`: threshold = share × window / long window (`burnRateForBudgetConsumption`),
 * rounded to two decimals. A 30-day window gives the workbook's 14.4×, 6× and 1×; a 7-day window 3.36×
 * (2% in 1h), 1.4× (5% in 6h) and 1× (see below).
 *
 * - An alert window longer than the SLO window is shortened to it (short window = 1/12 of it, at least 1m);
 *   an alert whose long window then equals an earlier one's is dropped.
 * - A threshold below 1× is raised to 1×: below 1× the budget lasts beyond the window, nothing to alert on.
 * - Calendar windows use their nominal length (`nominalWindowSeconds`: a month is 30 days).
 *
 * Each alert says why in `explanation`, e.g. `2% of a 7-day budget in 1h = 3.36×`.
 *
 * @public
 */
export function defaultMultiwindowAlerts(
  window: SloWindow,
): DefaultBurnRateAlert[] {
  const windowLength = nominalWindowSeconds(window);
  const budgetNoun = windowBudgetNoun(window);
  const longWindows = new Set<number>();
  const alerts: DefaultBurnRateAlert[] = [];
  for (const share of DEFAULT_ALERT_BUDGET_SHARES) {
    const longWindowSeconds = Math.min(share.longWindowSeconds, windowLength);
    if (longWindows.has(longWindowSeconds)) {
      continue;
    }
    longWindows.add(longWindowSeconds);
    const shortened = longWindowSeconds < share.longWindowSeconds;
    const shortWindowSeconds = shortened
      ? Math.min(
          longWindowSeconds,
          Math.max(MINUTE, Math.round(longWindowSeconds / 12)),
        )
      : share.shortWindowSeconds;
    const derived = roundRate(
      burnRateForBudgetConsumption(
        share.budgetShare,
        longWindowSeconds,
        windowLength,
      ) ?? 0,
    );
    const burnRateThreshold = Math.max(1, derived);
    let explanation = `${formatRatio(
      share.budgetShare,
    )} of a ${budgetNoun} budget in ${formatDuration(longWindowSeconds)}`;
    if (shortened) {
      explanation += ` (${formatDuration(
        share.longWindowSeconds,
      )} shortened to the SLO window)`;
    }
    explanation += ` = ${formatBurnRateThreshold(derived)}`;
    if (burnRateThreshold !== derived) {
      explanation += `, raised to ${formatBurnRateThreshold(
        burnRateThreshold,
      )}: a slower burn leaves budget at the end of the window`;
    }
    alerts.push({
      name: share.name,
      severity: share.severity,
      burnRateThreshold,
      longWindowSeconds,
      shortWindowSeconds,
      explanation,
    });
  }
  return alerts;
}
