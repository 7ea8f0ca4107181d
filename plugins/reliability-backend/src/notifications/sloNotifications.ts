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

/** Options of {@link SloNotifications}. */
export interface SloNotificationsOptions {
  slo: SummarySource<SloSummary>;
  catalog: CatalogService;
  auth: AuthService;
  notifier: ReliabilityNotifier;
  log: NotificationLogStore;
  now: () => Date;
}

/**
 * Tells the owners of a service, from the SLO summaries, when a page-severity burn starts (once per episode) and
 * when it is resolved, and when an error budget is exhausted (once until it recovers). An episode opens with the
 * first check that sees the burn (or the exhaustion) and closes with the first that does not; open episodes live
 * in the sent log. Run by the notifications' global task, so once per cadence across replicas.
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
      for (const ref of refs) {
        const summary = summaries.get(ref);
        if (!summary || summary.stale) continue;
        const link = entityTabLink(ref, 'reliability');
        const name = entityName(ref);
        const open = burning.get(ref);
        if (summary.alerting === 'page' && !open) {
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
              description: `No page-severity burn-rate alert fires any more (since ${open.slice(
                0,
                16,
              )} UTC).`,
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
