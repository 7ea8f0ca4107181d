import { Checklist } from '@internal/backstage-plugin-reliability-common';

/** An entity's level and the items that pass in its latest checklist evaluation. */
export interface MaturityItemProgress {
  level: string;
  /** Null when not recorded yet (rows older than the field, until the next checklist refresh). */
  passingItems: string[] | null;
}

/**
 * What campaigns read from the checklist area: the checklist in force and, in one query, the level and passing
 * items of many entities.
 */
export interface CampaignMaturitySource {
  readonly checklist: Checklist;
  getItemProgress(
    entityRefs: string[],
  ): Promise<Map<string, MaturityItemProgress>>;
}
