import { parseEntityRef } from '@backstage/catalog-model';
import {
  formatRatio,
  SloReport,
  pluralCount,
} from '@internal/backstage-plugin-reliability-common';
import type { NotificationSendOptions } from '@backstage/plugin-notifications-node';

type NotificationPayload = NotificationSendOptions['payload'];

/** Path of the group tab with the printable SLO review report (the frontend's `group-reliability-review` tab). */
export const GROUP_REVIEW_TAB = 'reliability-review';

/** The app path of a group's printable SLO review report. */
export function reportLink(groupRef: string): string {
  const ref = parseEntityRef(groupRef);
  return `/catalog/${encodeURIComponent(ref.namespace)}/${encodeURIComponent(
    ref.kind.toLowerCase(),
  )}/${encodeURIComponent(ref.name)}/${GROUP_REVIEW_TAB}`;
}

/**
 * The notification of a team's SLO review report: how many SLOs met their target in the last complete window,
 * the biggest budget spender, the SLOs whose policy blocks or warns about deploys now, and the period's runbook
 * reviews and checklist assessments. `scope` makes a re-sent report of the same day replace the earlier one.
 */
export function reportNotification(
  report: SloReport,
  sentAt: Date,
): NotificationPayload {
  const team = parseEntityRef(report.scope.ref).name;
  const { rows } = report;
  const judged = rows.filter(row => row.previous.met !== null);
  const missed = judged.filter(row => row.previous.met === false);
  const title =
    judged.length === 0
      ? `SLO review of ${team}: ${pluralCount(
          rows.length,
          'SLO',
        )}, no complete window yet`
      : `SLO review of ${team}: ${
          missed.length === 0
            ? `all ${pluralCount(judged.length, 'SLO')} met their target`
            : `${missed.length} of ${pluralCount(
                judged.length,
                'SLO',
              )} missed their target`
        }`;
  const name = (row: SloReport['rows'][number]) =>
    row.displayName ?? row.sloName;
  const lines: string[] = [];
  const spender = [...rows]
    .filter(row => row.current.budgetSpent !== null)
    .sort((a, b) => b.current.budgetSpent! - a.current.budgetSpent!)[0];
  if (spender) {
    lines.push(
      `Most budget spent in the current window: ${name(spender)} (${formatRatio(
        spender.current.budgetSpent,
        1,
      )}).`,
    );
  }
  const denied = rows.filter(row => row.policyDecision === 'deny');
  const warned = rows.filter(row => row.policyDecision === 'warn');
  if (denied.length > 0) {
    lines.push(
      `Deploys blocked by the error-budget policy: ${denied
        .map(row => `${name(row)} (${row.policyState})`)
        .join(', ')}.`,
    );
  }
  if (warned.length > 0) {
    lines.push(
      `Deploy with care: ${warned
        .map(row => `${name(row)} (${row.policyState})`)
        .join(', ')}.`,
    );
  }
  lines.push(
    `Since ${report.periodStart.slice(0, 10)}: ${pluralCount(
      report.runbooksTouched.length,
      'runbook',
    )} reviewed, ${pluralCount(
      report.checklistChanges.length,
      'checklist assessment',
    )}${
      report.overrides.length > 0
        ? `, ${pluralCount(
            report.overrides.length,
            'deploy-gate override',
          )} to discuss`
        : ''
    }.`,
  );
  return {
    title,
    description: lines.join(' '),
    link: reportLink(report.scope.ref),
    severity: denied.length > 0 ? 'high' : 'normal',
    topic: 'reliability-slo-review',
    scope: `reliability-slo-review:${report.scope.ref}:${sentAt
      .toISOString()
      .slice(0, 10)}`,
  };
}
