import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { CatalogService } from '@backstage/plugin-catalog-node';
import type { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import {
  ANNOTATIONS,
  entityRefKey,
  hasSloDefinitions,
} from '@internal/backstage-plugin-reliability-common';
import { parseEntityRef } from '@backstage/catalog-model';
import { catalogEntityPages } from '../../shared/catalogPages';
import { reportNotification } from './reportNotification';
import { isReportWeek } from './reportScheduleConfig';
import { ReportScope, SloReportService } from './SloReportService';

/** Most teams one run reports to. */
export const MAX_REPORTED_TEAMS = 500;

/** One team's report notification: sent once per team (`subject`) and day (`episode`). */
export interface ReportNotification {
  kind: 'sloReviewReport';
  subject: string;
  episode: string;
  recipients: string[];
  payload: NotificationSendOptions['payload'];
}

/**
 * What the reports go out through: the notifications area's notifier, which sends each notification once (its
 * sent log), honours `reliability.notifications.sloReviewReport: false`, and returns how many it sent. Declared
 * here, by the consumer.
 */
export interface ReportSender {
  send(notifications: ReportNotification[]): Promise<number>;
}

/** What one run did. */
export interface ReportRunResult {
  /** False when this week is not a report week (every n weeks). */
  due: boolean;
  sent: string[];
  /** Teams the sender did not send to (already sent that day, switched off, or sending failed and is logged). */
  notSent: string[];
  /** Teams whose report could not be built, with why. */
  failed: Array<{ owner: string; error: string }>;
}

/**
 * Sends each team (Group) the SLO review report of what it owns as a Backstage notification, with a link to the
 * printable report page. Run by the global scheduled task `reliability-reports-notify`, so once per cadence
 * across replicas, and sent through the notifications area's notifier, so at most once per team and day even if
 * a run is repeated. The teams are the groups that own an entity with SLOs (or `reliability.reports.owners`); a
 * team without SLOs gets nothing; the catalog is read with the plugin's own credentials.
 */
export class SloReportNotifier {
  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      reports: Pick<SloReportService, 'report'>;
      sender: ReportSender;
      logger: LoggerService;
      now: () => Date;
      everyWeeks: number;
      owners?: string[];
    },
  ) {}

  async run(signal?: AbortSignal): Promise<ReportRunResult> {
    const { logger, now, everyWeeks } = this.options;
    if (!isReportWeek(now(), everyWeeks)) {
      return { due: false, sent: [], notSent: [], failed: [] };
    }
    const credentials = await this.options.auth.getOwnServiceCredentials();
    const owners = this.options.owners ?? (await this.teamsWithSlos());
    const result: ReportRunResult = {
      due: true,
      sent: [],
      notSent: [],
      failed: [],
    };
    for (const owner of owners.slice(0, MAX_REPORTED_TEAMS)) {
      if (signal?.aborted) break;
      try {
        const scope: ReportScope = { kind: 'owner', ref: owner };
        const report = await this.options.reports.report(scope, credentials);
        if (report.rows.length === 0) continue;
        const at = now();
        const sent = await this.options.sender.send([
          {
            kind: 'sloReviewReport',
            subject: owner,
            episode: at.toISOString().slice(0, 10),
            recipients: [owner],
            payload: reportNotification(report, at),
          },
        ]);
        (sent > 0 ? result.sent : result.notSent).push(owner);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        result.failed.push({ owner, error: message });
        logger.warn(`SLO review report for ${owner} not sent: ${message}`);
      }
    }
    logger.info(
      `SLO review report sent to ${result.sent.length} teams${
        result.failed.length ? `, ${result.failed.length} failed` : ''
      }`,
    );
    return result;
  }

  /** The groups owning at least one entity with SLOs, in ref order. */
  private async teamsWithSlos(): Promise<string[]> {
    const credentials = await this.options.auth.getOwnServiceCredentials();
    const owners = new Set<string>();
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
          'relations',
        ],
      },
      credentials,
    );
    for await (const page of pages) {
      for (const entity of page.filter(hasSloDefinitions)) {
        for (const relation of entity.relations ?? []) {
          if (relation.type !== 'ownedBy') continue;
          const ref = parseEntityRef(relation.targetRef);
          if (ref.kind.toLowerCase() === 'group') {
            owners.add(entityRefKey(ref));
          }
        }
      }
    }
    return [...owners].sort();
  }
}
