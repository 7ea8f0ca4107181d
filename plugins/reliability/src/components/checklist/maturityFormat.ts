import {
  Checklist,
  ItemStatus,
  NO_LEVEL,
} from '@internal/backstage-plugin-reliability-common';

/** A 0..100 score for display; "—" when there is none. */
export function formatScore(score: number | null | undefined): string {
  if (score === null || score === undefined || !Number.isFinite(score)) {
    return '—';
  }
  return `${Math.round(score)}`;
}

/**
 * A level id for display where the checklist's titles are not at hand: "No level yet" for none (never the id
 * `none`), else the id capitalised ("Intermediate").
 */
export function formatLevel(level: string | null | undefined): string {
  if (!level || level === NO_LEVEL) return 'No level yet';
  return level.charAt(0).toLocaleUpperCase('en-US') + level.slice(1);
}

/** Title of a level id ("No level yet" for none; the id itself for levels of an older checklist). */
export function levelTitle(
  checklist: Pick<Checklist, 'levels'> | undefined,
  level: string | null | undefined,
): string {
  if (!level || level === NO_LEVEL) {
    return 'No level yet';
  }
  return checklist?.levels.find(l => l.id === level)?.title ?? level;
}

/** Human label of how an item counted. */
export const STATUS_LABELS: Record<ItemStatus, string> = {
  yes: 'Yes',
  partial: 'Partly',
  no: 'No',
  'not-applicable': 'Not applicable',
  expired: 'Expired',
  unanswered: 'Not answered',
  pass: 'Passed',
  fail: 'Failed',
  unknown: 'No data',
  exempt: 'Exempt',
};

/** Labels of the answers a team can give. */
export const ANSWER_LABELS = {
  yes: 'Yes',
  partial: 'Partly',
  no: 'No',
  'not-applicable': 'Not applicable',
} as const;
