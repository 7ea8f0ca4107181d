import { RunbookEntry } from '@internal/backstage-plugin-reliability-common';
import { entityName, entityTabLink } from './links';
import {
  ReliabilityNotification,
  ReliabilityNotifier,
} from './ReliabilityNotifier';

/** Stale runbooks read per query. */
const PAGE_SIZE = 200;

/** What runbook notifications read from the runbooks area: pages of the stale runbooks of every entity. */
export interface StaleRunbookSource {
  listStaleRunbooks(options: {
    after?: { entityRef: string; runbookId: string };
    limit: number;
  }): Promise<Array<{ entityRef: string; runbook: RunbookEntry }>>;
}

/** The episode of a runbook's staleness: its review date (a new review starts a new episode). */
export function staleEpisode(runbook: RunbookEntry): string {
  return runbook.lastReviewed ? `reviewed:${runbook.lastReviewed}` : 'never';
}

/**
 * Stale runbooks the owners are told about: readable Markdown runbooks, the only kind that records a review
 * (`lastReviewed` in its front matter). Links and TechDocs pages carry no review date (always stale, nothing to
 * fix in them); unreadable runbooks are broken, not stale (the Runbooks tab shows both).
 */
function isToldStale(runbook: RunbookEntry): boolean {
  return runbook.stale && runbook.source === 'markdown' && !runbook.error;
}

function staleNotification(
  entityRef: string,
  runbook: RunbookEntry,
): ReliabilityNotification {
  return {
    kind: 'runbookStale',
    subject: `${entityRef}#runbook:${runbook.id}`,
    episode: staleEpisode(runbook),
    recipients: [entityRef],
    payload: {
      title: `Runbook '${runbook.title}' of ${entityName(entityRef)} is stale`,
      description: runbook.lastReviewed
        ? `It was last reviewed on ${runbook.lastReviewed}. Review it and update its lastReviewed date.`
        : 'It has never been reviewed (no lastReviewed date). Review it and record the date in its front matter.',
      link: `${entityTabLink(entityRef, 'runbooks')}?${new URLSearchParams({
        runbook: runbook.id,
      })}`,
      severity: 'normal',
    },
  };
}

/**
 * Tells the owners of an entity when one of its runbooks becomes stale (not reviewed within
 * `reliability.runbooks.staleAfterDays`, or never reviewed): once per runbook and review date, so once per
 * transition to stale; a new review that goes stale again notifies again. Reads the runbook index (staleness is
 * computed when it is indexed) page by page; see {@link isToldStale} for which runbooks count. Run by the notifications' global task, so once per cadence across replicas; the sent log
 * makes each notification go out once even when two runs overlap.
 */
export class RunbookNotifications {
  constructor(
    private readonly options: {
      runbooks: StaleRunbookSource;
      notifier: ReliabilityNotifier;
    },
  ) {}

  async run(signal?: AbortSignal): Promise<number> {
    const { runbooks, notifier } = this.options;
    if (!notifier.isEnabled('runbookStale')) return 0;
    let sent = 0;
    let after: { entityRef: string; runbookId: string } | undefined;
    for (;;) {
      if (signal?.aborted) break;
      const page = await runbooks.listStaleRunbooks({
        after,
        limit: PAGE_SIZE,
      });
      sent += await notifier.send(
        page
          .filter(({ runbook }) => isToldStale(runbook))
          .map(s => staleNotification(s.entityRef, s.runbook)),
      );
      if (page.length < PAGE_SIZE) break;
      const last = page[page.length - 1];
      after = { entityRef: last.entityRef, runbookId: last.runbook.id };
    }
    return sent;
  }
}
