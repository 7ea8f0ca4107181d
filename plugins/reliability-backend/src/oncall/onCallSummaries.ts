import { OnCallSummary } from '@internal/backstage-plugin-reliability-common';
import { SummarySource } from '../summaries';
import { describeSnapshot } from './describeSnapshot';
import { OnCallStore } from './store/OnCallStore';

/** On-call summaries of many entities from the materialised `oncall_latest` table, in one query. */
export function createOnCallSummaries(
  store: OnCallStore,
  now: () => Date,
): SummarySource<OnCallSummary> {
  return {
    async getSummaries(entityRefs) {
      const latest = await store.getLatest(entityRefs);
      const result = new Map<string, OnCallSummary>();
      for (const [entityRef, row] of latest) {
        const digest = row.snapshot
          ? describeSnapshot(row.snapshot, now())
          : null;
        result.set(entityRef, {
          entityRef,
          provider: row.provider,
          peopleInRotation: digest?.peopleInRotation ?? 0,
          primary: digest?.primary ?? null,
          primaryUntil: digest?.primaryUntil ?? null,
          escalationLevels: row.snapshot?.escalation.length ?? 0,
          error: row.error,
          updatedAt: row.updatedAt.toISOString(),
        });
      }
      return result;
    },
  };
}
