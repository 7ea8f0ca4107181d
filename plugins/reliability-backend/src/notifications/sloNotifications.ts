import { AuthService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATIONS,
  entityRefKey,
  formatBudgetRemaining,
  hasSloDefinitions,
  SloSummary,
} from '@internal/backstage-plugin-reliability-common';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { catalogEntityPages } from '../shared/catalogPages';
import { SummarySource } from '../summaries';
import { entityName, entityTabLink } from './links';
import {
  ReliabilityNotification,
  ReliabilityNotifier,
} from './ReliabilityNotifier';
import { NotificationLogStore } from './store/NotificationLogStore';

/** Log kind closing an exhaustion episode (recorded, never sent). */
const EXHAUSTION_ENDED = 'sloBudgetExhaustedEnded';

/** When services last had a page-severity burn (the SLO area's collected history). */
export interface SloPageHistory {
  lastPagedAt(entityRefs: string[], since: Date): Promise<Map<string, Date>>;
}

/** Options of {@link SloNotifications}. */
export interface SloNotificationsOptions {
  slo: SummarySource<SloSummary>;
  /** Where a burn's quiet period is checked; without it (or with a 0 period) a burn resolves at once. */
  pages?: SloPageHistory;
  /** How long no page-severity burn must be seen before a burn counts as resolved. */
  quietPeriodMs?: number;
  catalog: CatalogService;
  auth: AuthService;
  notifier: ReliabilityNotifier;
  log: NotificationLogStore;
  now: () => Date;
}

/**
 * Tells the owners of a service, from the SLO summaries, when a page-severity burn starts (once per episode) and
 * when it is resolved, and when an error budget is exhausted (once until it recovers). An episode opens with the
 * first check that sees the burn (or the exhaustion); a burn episode closes with the first check that does not see
 * it and finds no page-severity collection within the quiet period (a multiwindow alert that clears and fires
 * again within it stays one episode: one notice, not one per flap); an exhaustion with the first check that does
 * not see it. Open episodes live in the sent log. Run by the notifications' global task, so once per cadence
 * across replicas.
 */
export class SloNotifications {
  constructor(private readonly options: SloNotificationsOptions) {}

  async run(signal?: AbortSignal): Promise<number> {
    const { slo, notifier, log, now } = this.options;
    const [burning, exhausted] = await Promise.all([
      log.openEpisodes('sloBurn', 'sloBurnResolved'),
      log.openEpisodes('sloBudgetExhausted', EXHAUSTION_ENDED),
    ]);
    const episode = now().toISOString();
    const notifications: ReliabilityNotification[] = [];
    let sent = 0;
    for await (const refs of this.entitiesWithSlos()) {
      if (signal?.aborted) break;
      const summaries = await slo.getSummaries(refs);
      const stillQuieting = await this.pagedWithinQuietPeriod(
        refs.filter(ref => {
          const summary = summaries.get(ref);
          return (
            burning.has(ref) &&
            summary &&
            !summary.stale &&
            summary.alerting !== 'page'
          );
        }),
      );
      for (const ref of refs) {
        const summary = summaries.get(ref);
        if (!summary || summary.stale) continue;
        const link = entityTabLink(ref, 'reliability');
        const name = entityName(ref);
        const open = burning.get(ref);
        if (stillQuieting.has(ref)) {
          // The burn stopped less than the quiet period ago: the episode stays open.
        } else if (summary.alerting === 'page' && !open) {
          notifications.push({
            kind: 'sloBurn',
            subject: ref,
            episode,
            recipients: [ref],
            payload: {
              title: `${name} is burning its error budget fast (page)`,
              description: `A page-severity burn-rate alert fires; ${formatBudgetRemaining(
                summary.worstBudgetRemaining,
              )} of the worst budget remains. Open the runbook of the alert.`,
              link,
              severity: 'critical',
            },
          });
        } else if (
          summary.alerting !== 'page' &&
          open &&
          !notifier.isEnabled('sloBurnResolved')
        ) {
          // Resolution notices are off: close the episode quietly, so the next burn is told again.
          await log.claim(
            { kind: 'sloBurnResolved', subject: ref, episode: open },
            now(),
          );
        } else if (summary.alerting !== 'page' && open) {
          notifications.push({
            kind: 'sloBurnResolved',
            subject: ref,
            episode: open,
            recipients: [ref],
            payload: {
              title: `${name}: the page-severity burn is resolved`,
              description: `No page-severity burn-rate alert fires any more${
                this.quietPeriodMs() > 0
                  ? `, nor did for ${Math.round(
                      this.quietPeriodMs() / 60_000,
                    )} minutes`
                  : ''
              } (the burn began at ${open.slice(0, 16)} UTC).`,
              link,
              severity: 'low',
            },
          });
        }
        const budgetGone =
          summary.worstBudgetRemaining !== null &&
          summary.worstBudgetRemaining <= 0;
        const exhaustion = exhausted.get(ref);
        if (budgetGone && !exhaustion) {
          notifications.push({
            kind: 'sloBudgetExhausted',
            subject: ref,
            episode,
            recipients: [ref],
            payload: {
              title: `${name} has exhausted an error budget`,
              description: `The worst SLO has ${formatBudgetRemaining(
                summary.worstBudgetRemaining,
              )} of its budget left: apply the error-budget policy.`,
              link,
              severity: 'high',
            },
          });
        } else if (!budgetGone && exhaustion) {
          await log.claim(
            { kind: EXHAUSTION_ENDED, subject: ref, episode: exhaustion },
            now(),
          );
        }
      }
      sent += await notifier.send(notifications.splice(0));
    }
    return sent;
  }

  private quietPeriodMs(): number {
    return this.options.pages ? this.options.quietPeriodMs ?? 0 : 0;
  }

  /** Of the given refs (burns no longer seen), those with a page-severity collection within the quiet period. */
  private async pagedWithinQuietPeriod(refs: string[]): Promise<Set<string>> {
    const { pages, now } = this.options;
    const quietMs = this.quietPeriodMs();
    if (!pages || quietMs <= 0 || refs.length === 0) return new Set();
    const since = new Date(now().getTime() - quietMs);
    return new Set((await pages.lastPagedAt(refs, since)).keys());
  }

  /** Pages of the refs of every entity with SLO definitions (the plugin's own credentials). */
  private async *entitiesWithSlos(): AsyncGenerator<string[]> {
    const credentials = await this.options.auth.getOwnServiceCredentials();
    const pages = catalogEntityPages(
      this.options.catalog,
      {
        filter: [ANNOTATIONS.sloDefinitions, ANNOTATIONS.sloInline].map(
          annotation => ({
            [`metadata.annotations.${annotation}`]: CATALOG_FILTER_EXISTS,
          }),
        ),
        fields: [
          'kind',
          'metadata.name',
          'metadata.namespace',
          'metadata.annotations',
        ],
        pageSize: 200,
      },
      credentials,
    );
    for await (const page of pages) {
      yield page.filter(hasSloDefinitions).map(e => entityRefKey(e));
    }
  }
}
