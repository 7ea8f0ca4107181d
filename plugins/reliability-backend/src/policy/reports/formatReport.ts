import {
  formatAttainment,
  formatRatio,
  HELD_BACK_AUTOMATIC_NOTE,
  heldBackText,
  NO_VALUE,
  PolicyStateChange,
  SloReport,
  SloReportChecklistChange,
  SloReportPeriod,
  SloReportRow,
  utcMinute,
} from '@internal/backstage-plugin-reliability-common';
import { csvLine } from '../../shared/csv';

/** Columns of the CSV export: one line per SLO and window. */
export const SLO_REPORT_CSV_HEADER = [
  'entityRef',
  'slo',
  'displayName',
  'target',
  'window',
  'period',
  'start',
  'end',
  'complete',
  'attainment',
  'budgetSpent',
  'met',
  'pageAlerts',
  'ticketAlerts',
  'policyChanges',
  'policyStateNow',
  'notes',
];

function changeText(change: PolicyStateChange): string {
  return `${change.fromState ?? 'first evaluated'} -> ${change.toState} (${
    change.changedAt
  })`;
}

/** A runbook review or checklist assessment of the period as a CSV line, in the SLO lines' columns. */
function activityLine(cells: {
  entityRef: string;
  title: string;
  period: 'runbook reviewed' | 'checklist assessment' | 'deploy-gate override';
  at: string;
  notes: string;
}): string {
  return csvLine([
    cells.entityRef,
    null,
    cells.title,
    null,
    null,
    cells.period,
    cells.at,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    cells.notes,
  ]);
}

function levelChange(change: SloReportChecklistChange): string {
  return change.previousLevel === null || change.previousLevel === change.level
    ? `level ${change.level}`
    : `level ${change.previousLevel} -> ${change.level}`;
}

/** "; silver: On-call rotation not met" when the change says what kept it from the next level. */
function heldBack(change: SloReportChecklistChange): string {
  const blockers = change.heldBackBy;
  return blockers ? `; ${heldBackText(blockers, blockers.nextLevel)}` : '';
}

/**
 * The report as CSV: a header, then the last complete and the current window of each SLO, then one line per
 * runbook reviewed (`period` "runbook reviewed"), per checklist assessment (`period` "checklist assessment", with
 * what kept it from the next level) and
 * per deploy-gate override (`period` "deploy-gate override") of the period.
 */
export function sloReportCsv(report: SloReport): string {
  const lines = [csvLine(SLO_REPORT_CSV_HEADER)];
  for (const row of report.rows) {
    for (const [name, period] of [
      ['previous', row.previous],
      ['current', row.current],
    ] as const) {
      lines.push(
        csvLine([
          row.entityRef,
          row.sloName,
          row.displayName,
          row.target,
          row.window,
          name,
          period.start,
          period.end,
          String(period.complete),
          period.attainment,
          period.budgetSpent,
          period.met === null ? null : String(period.met),
          period.burnAlerts.page,
          period.burnAlerts.ticket,
          period.policyChanges.map(changeText).join('; '),
          row.policyState,
          period.notes.join(' '),
        ]),
      );
    }
  }
  for (const runbook of report.runbooksTouched) {
    lines.push(
      activityLine({
        entityRef: runbook.entityRef,
        title: runbook.title,
        period: 'runbook reviewed',
        at: runbook.lastReviewed,
        notes: `${runbook.kind} ${runbook.id}${
          runbook.url ? ` ${runbook.url}` : ''
        }`,
      }),
    );
  }
  for (const change of report.checklistChanges) {
    lines.push(
      activityLine({
        entityRef: change.entityRef,
        title: `Assessment ${change.assessmentId}`,
        period: 'checklist assessment',
        at: change.assessedAt,
        notes: `${levelChange(change)}, score ${
          change.score === null ? 'n/a' : change.score
        }, by ${change.author}${heldBack(change)}`,
      }),
    );
  }
  for (const override of report.overrides) {
    lines.push(
      activityLine({
        entityRef: override.entityRef,
        title: `Override ${override.id}`,
        period: 'deploy-gate override',
        at: override.createdAt,
        notes: `by ${override.createdBy} until ${
          override.revoked?.at ?? override.expiresAt
        }${override.revoked ? ' (revoked)' : ''}: ${override.reason}`,
      }),
    );
  }
  return lines.join('');
}

/** Text safe inside a Markdown table cell: no pipes, no line breaks, no HTML. */
function cell(text: string | null | undefined): string {
  if (!text) return NO_VALUE;
  return text
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/</g, '&lt;')
    .replace(/[\r\n]+/g, ' ');
}

/** The entity's title, else its ref without the default namespace (`component:default/x` -> `x`). */
function serviceName(row: SloReportRow): string {
  return cell(row.entityTitle ?? row.entityRef.replace(/^[^:]+:default\//, ''));
}

function day(iso: string): string {
  return iso.slice(0, 10);
}

function met(value: boolean | null): string {
  if (value === null) return NO_VALUE;
  return value ? 'yes' : '**no**';
}

function periodCells(row: SloReportRow, period: SloReportPeriod): string[] {
  return [
    serviceName(row),
    cell(row.displayName ?? row.sloName),
    formatRatio(row.target),
    cell(row.window),
    `${day(period.start)} – ${day(period.end)}`,
    formatAttainment(period.attainment),
    formatRatio(period.budgetSpent, 1),
    met(period.met),
    `${period.burnAlerts.page} / ${period.burnAlerts.ticket}`,
    period.policyChanges.length === 0
      ? NO_VALUE
      : cell(
          period.policyChanges
            .map(
              c =>
                `${c.fromState ?? 'new'} → ${c.toState} (${day(c.changedAt)})`,
            )
            .join(', '),
        ),
    cell(row.policyState),
  ];
}

function table(
  report: SloReport,
  pick: (row: SloReportRow) => SloReportPeriod,
): string[] {
  const header = [
    'Service',
    'SLO',
    'Target',
    'Window',
    'Period',
    'Attainment',
    'Budget spent',
    'Met',
    'Burn alerts (page / ticket)',
    'Policy changes',
    'Policy state now',
  ];
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...report.rows.map(row => `| ${periodCells(row, pick(row)).join(' | ')} |`),
  ];
}

/** Most alert episodes listed as budget spenders. */
const MAX_SPENDERS = 20;

/** The alert episodes of every SLO and window, biggest budget spender first (unknown spends last). */
function biggestSpenders(report: SloReport) {
  return report.rows
    .flatMap(row =>
      (['previous', 'current'] as const).flatMap(name =>
        row[name].episodes.map(episode => ({
          row,
          window: name === 'previous' ? 'last complete' : 'current',
          episode,
        })),
      ),
    )
    .sort(
      (a, b) =>
        (b.episode.budgetSpent ?? Number.NEGATIVE_INFINITY) -
        (a.episode.budgetSpent ?? Number.NEGATIVE_INFINITY),
    )
    .slice(0, MAX_SPENDERS);
}

/** Service name of an entity ref without the default namespace. */
function refName(entityRef: string): string {
  return cell(entityRef.replace(/^[^:]+:default\//, ''));
}

/** The runbooks reviewed, the checklist assessments and the deploy-gate overrides of the report's period. */
function periodActivityMarkdown(report: SloReport): string[] {
  const lines: string[] = [];
  const period = `${day(report.periodStart)} – ${day(report.generatedAt)}`;
  const runbooks = report.runbooksTouched;
  lines.push(`## Runbooks touched (${period})`, '');
  if (runbooks.length === 0) {
    lines.push('No runbook was reviewed in the period.', '');
  } else {
    for (const runbook of runbooks) {
      const title = cell(runbook.title).replace(/[[\]]/g, '');
      lines.push(
        `- ${runbook.lastReviewed} ${refName(runbook.entityRef)}: ${
          runbook.url && /^https?:\/\//.test(runbook.url)
            ? `[${title}](${runbook.url.replace(
                /[()\s<>]/g,
                c =>
                  `%${c
                    .charCodeAt(0)
                    .toString(16)
                    .toUpperCase()
                    .padStart(2, '0')}`,
              )})`
            : title
        } (${cell(runbook.kind)})`,
      );
    }
    lines.push('');
  }
  const changes = report.checklistChanges;
  lines.push(`## Checklist changes (${period})`, '');
  if (changes.length === 0) {
    lines.push('No checklist assessment was submitted in the period.', '');
  } else {
    for (const change of changes) {
      const held = heldBack(change);
      const level =
        change.previousLevel === null || change.previousLevel === change.level
          ? `level ${cell(change.level)}`
          : `level ${cell(change.previousLevel)} → ${cell(change.level)}`;
      lines.push(
        `- ${utcMinute(change.assessedAt)} ${refName(
          change.entityRef,
        )}: assessment by ${cell(change.author)}, ${level}, score ${
          change.score === null ? NO_VALUE : change.score
        }${held && cell(held)}`,
      );
    }
    if (changes.some(change => change.heldBackBy?.source === 'automatic')) {
      lines.push('', HELD_BACK_AUTOMATIC_NOTE);
    }
    lines.push('');
  }
  lines.push(`## Deploy-gate overrides (${period})`, '');
  if (report.overrides.length === 0) {
    lines.push('No break-glass override of the deploy gate in the period.', '');
  } else {
    for (const override of report.overrides) {
      const end = override.revoked
        ? `revoked at ${utcMinute(override.revoked.at)}`
        : `until ${utcMinute(override.expiresAt)}`;
      lines.push(
        `- ${utcMinute(override.createdAt)} ${refName(
          override.entityRef,
        )}: by ${cell(override.createdBy)}, ${end}: ${cell(override.reason)}`,
      );
    }
    lines.push('');
  }
  return lines;
}

/** The report as Markdown, to paste into a meeting note. */
export function sloReportMarkdown(report: SloReport): string {
  const services = new Set(report.rows.map(row => row.entityRef)).size;
  const lines = [
    `# SLO review: ${cell(report.scope.ref)}`,
    '',
    `Generated ${utcMinute(
      report.generatedAt,
    )} · ${services} services with SLOs · ${report.rows.length} SLOs${
      report.truncated
        ? ` · truncated: more than ${services} services with SLOs, the first ${services} are included`
        : ''
    }`,
    '',
  ];
  if (report.rows.length === 0) {
    lines.push('No SLOs in scope.', '');
    return lines.join('\n');
  }
  lines.push(
    '## Last complete window',
    '',
    ...table(report, r => r.previous),
    '',
  );
  lines.push('## Current window', '', ...table(report, r => r.current), '');
  const spenders = biggestSpenders(report);
  if (spenders.length > 0) {
    lines.push(
      '## Budget spent by alert episode',
      '',
      '| Service | SLO | Window | Severity | From | To | Budget spent |',
      '| --- | --- | --- | --- | --- | --- | --- |',
      ...spenders.map(
        ({ row, window, episode }) =>
          `| ${serviceName(row)} | ${cell(
            row.displayName ?? row.sloName,
          )} | ${window} | ${episode.severity} | ${utcMinute(
            episode.start,
          )} | ${
            episode.end ? utcMinute(episode.end) : 'still firing'
          } | ${formatRatio(episode.budgetSpent, 1)} |`,
      ),
      '',
    );
  }
  if (report.serviceChanges.length > 0) {
    lines.push('## Service policy state changes', '');
    for (const change of report.serviceChanges) {
      lines.push(
        `- ${utcMinute(change.changedAt)} ${cell(change.entityRef)}: ${cell(
          change.fromState ?? 'first evaluated',
        )} → ${cell(change.toState)} (${change.decision}, policy ${cell(
          change.policyName,
        )})`,
      );
    }
    lines.push('');
  }
  lines.push(...periodActivityMarkdown(report));
  const notes = report.rows.flatMap(row =>
    (['previous', 'current'] as const).flatMap(name =>
      row[name].notes.map(
        note =>
          `- ${cell(row.entityRef)} / ${cell(row.sloName)} (${
            name === 'previous' ? 'last complete window' : 'current window'
          }): ${cell(note)}`,
      ),
    ),
  );
  notes.push(...report.problems.map(problem => `- ${cell(problem)}`));
  if (notes.length > 0) {
    lines.push('## Notes', '', ...notes, '');
  }
  return lines.join('\n');
}
