/** Statuses of a postmortem action item. @public */
export const ACTION_ITEM_STATUSES = [
  'open',
  'in-progress',
  'done',
  'wont-do',
] as const;

/** Where an action item stands; `done` and `wont-do` close it. @public */
export type ActionItemStatus = (typeof ACTION_ITEM_STATUSES)[number];

/** One action item of a postmortem, as its front matter lists it. @public */
export interface ActionItem {
  title: string;
  /** Who does it (an entity ref or a name), null when nobody was named. */
  owner: string | null;
  /** Due date, YYYY-MM-DD (end of that day in the team's time zone); null without one. */
  due: string | null;
  status: ActionItemStatus;
  /** The issue tracking it: an http(s) URL only, else null. */
  issue: string | null;
}

/**
 * What a postmortem or pre-mortem document declares in its front matter besides the runbook fields: the
 * incidents it explains (their ids in the incident source), its action items, and, for a pre-mortem, the
 * launch it prepares.
 *
 * @public
 */
export interface PostmortemDetails {
  incidents: string[];
  actionItems: ActionItem[];
  /** Launch date (YYYY-MM-DD) of a pre-mortem; null otherwise. */
  launchDate: string | null;
}

/** True while an action item still needs doing (`open` or `in-progress`). @public */
export function isActionItemOpen(item: Pick<ActionItem, 'status'>): boolean {
  return item.status === 'open' || item.status === 'in-progress';
}
