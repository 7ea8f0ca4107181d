import { SourceAlert } from './types';

const SLO_TEXT =
  /\b(slo|sli|burn[ _-]?rate|error[ _-]?budget)\b|slo:|:burnrate|_burn_rate|burnrate/i;

/**
 * True when an alert evaluates an SLO (a burn rate or an error budget) rather than a raw cause: it has an `slo`
 * label, or its name or query speaks of SLOs, SLIs, burn rates or error budgets (`slo:sli_error:ratio_rate5m`,
 * `ErrorBudgetBurn`, Datadog `burn_rate(...)` monitors).
 *
 * @public
 */
export function isSloBasedAlert(
  alert: Pick<SourceAlert, 'name' | 'labels' | 'query'>,
): boolean {
  if (Object.keys(alert.labels).some(k => k.toLowerCase() === 'slo')) {
    return true;
  }
  const words = alert.name.replace(/([a-z])([A-Z])/g, '$1 $2');
  return SLO_TEXT.test(words) || SLO_TEXT.test(alert.query ?? '');
}
