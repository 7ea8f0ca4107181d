import {
  Campaign,
  CampaignSchedule,
  CampaignStatus,
  Checklist,
} from '@internal/backstage-plugin-reliability-common';

/** Labels of the campaign states. */
export const CAMPAIGN_STATUS_LABELS: Record<CampaignStatus, string> = {
  draft: 'Draft',
  active: 'Active',
  finished: 'Finished',
  archived: 'Archived',
};

/** Labels of where an active campaign stands in time. */
export const SCHEDULE_LABELS: Record<CampaignSchedule, string> = {
  upcoming: 'Not started',
  running: 'Running',
  overdue: 'Overdue',
  ended: 'Ended',
};

/** A ref without its kind and default namespace (`checkout-payments` for `group:default/checkout-payments`). */
export function refName(ref: string): string {
  return ref.replace(/^[^:]+:(default\/)?/, '');
}

/** A checklist item's title, or its id when the checklist does not have it. */
export function itemTitle(
  checklist: Pick<Checklist, 'items'> | undefined,
  id: string,
): string {
  return checklist?.items.find(i => i.id === id)?.title ?? id;
}

/** The target in words: "Reach Intermediate" or "Pass: Rollback, Restore tested". */
export function targetText(
  campaign: Pick<Campaign, 'target'>,
  checklist?: Pick<Checklist, 'levels' | 'items'>,
): string {
  const { target } = campaign;
  if (target.kind === 'level') {
    const title =
      checklist?.levels.find(l => l.id === target.level)?.title ?? target.level;
    return `Reach ${title}`;
  }
  const titles = target.itemIds.map(id => itemTitle(checklist, id));
  return `Pass: ${titles.join(', ')}`;
}

/** The scope in words ("tier-1 · team checkout-payments"), or "every service". */
export function scopeText(campaign: Pick<Campaign, 'scope'>): string {
  const { scope } = campaign;
  const parts = [
    ...(scope.tiers ?? []),
    ...(scope.lifecycles ?? []),
    ...(scope.owners ?? []).map(r => `team ${refName(r)}`),
    ...(scope.systems ?? []).map(r => `system ${refName(r)}`),
    ...(scope.domains ?? []).map(r => `domain ${refName(r)}`),
  ];
  return parts.length > 0 ? parts.join(' · ') : 'every service';
}

/** "12 of 20 services (60%)". */
export function progressText(progress: {
  services: number;
  done: number;
  percent: number | null;
}): string {
  if (progress.services === 0) return 'no services in scope';
  return `${progress.done} of ${progress.services} services (${Math.round(
    progress.percent ?? 0,
  )}%)`;
}
