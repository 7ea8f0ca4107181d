import { GroupReliabilitySummary } from '@internal/backstage-plugin-reliability-common';
import { RollUpGroupBy } from '../groupSummaries';

/** The groups of one stored roll-up pass, by team or by system. */
export interface StoredGroupRollUp {
  groups: GroupReliabilitySummary[];
  /** When the pass ran. */
  computedAt: Date;
}

/** The overview's stored team and system roll-ups (SQLite and PostgreSQL): one pass at a time. */
export interface OverviewStore {
  /**
   * Replaces the stored pass with `pass`, in one transaction: readers see the previous pass or this one, and the
   * groups not in `pass` are deleted (the table's retention).
   */
  replaceRollUps(
    pass: Record<RollUpGroupBy, GroupReliabilitySummary[]>,
    computedAt: Date,
  ): Promise<void>;
  /** The stored groups of `by`, largest first; undefined before the first pass (or when it found no service). */
  getRollUp(by: RollUpGroupBy): Promise<StoredGroupRollUp | undefined>;
}
