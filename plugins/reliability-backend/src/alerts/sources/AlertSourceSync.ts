import { LoggerService } from '@backstage/backend-plugin-api';
import {
  ALERT_WINDOW_DAYS,
  AlertFiring,
  SourceAlert,
} from '@internal/backstage-plugin-reliability-common';
import {
  AlertSource,
  deadlineSignal,
} from '@internal/backstage-plugin-reliability-node';
import { ProviderFailureLog } from '../../shared/providerFailures';
import { AlertEntityMapper } from '../mapping/AlertEntityMapper';
import { AlertStore, MappedAlert, NO_ENTITY } from '../store/AlertStore';
import { sanitizeFiring, sanitizeSourceAlert } from './sanitizeAlerts';

const DAY_MS = 24 * 3600_000;
/** Most alerts kept from one read of a source. */
export const MAX_ALERTS_PER_SOURCE = 20_000;
/** Most firings kept from one read of a source. */
export const MAX_FIRINGS_PER_SOURCE = 100_000;

/** Outcome of reading one source. */
export type AlertSourceSyncResult =
  | {
      source: string;
      ok: true;
      alerts: number;
      unowned: number;
      firings: number;
    }
  | { source: string; ok: false; error: string };

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Reads the whole inventory of each alert source, maps every alert to the entities it belongs to and replaces
 * the source's stored inventory; stores the firings the source reports over the last 30 days, or, for sources
 * without history, records firings from the states read (a firing starts when an alert is first seen firing and
 * ends when it is seen not firing). A failed read is recorded as the source's error and keeps the last
 * inventory (shown stale); it is never thrown.
 */
export class AlertSourceSync {
  private readonly failures: ProviderFailureLog;

  constructor(
    private readonly options: {
      sources: readonly AlertSource[];
      store: AlertStore;
      logger: LoggerService;
      now: () => Date;
      timeoutMs: number;
    },
  ) {
    this.failures = new ProviderFailureLog(options.logger);
  }

  get sourceIds(): string[] {
    return this.options.sources.map(s => s.id);
  }

  async syncAll(
    mapper: AlertEntityMapper,
    signal?: AbortSignal,
  ): Promise<AlertSourceSyncResult[]> {
    const results: AlertSourceSyncResult[] = [];
    for (const source of this.options.sources) {
      if (signal?.aborted) break;
      results.push(await this.sync(source, mapper, signal));
    }
    return results;
  }

  async sync(
    source: AlertSource,
    mapper: AlertEntityMapper,
    signal?: AbortSignal,
  ): Promise<AlertSourceSyncResult> {
    const { store, logger } = this.options;
    const now = this.options.now();
    const from = new Date(now.getTime() - ALERT_WINDOW_DAYS * DAY_MS);
    try {
      const inventory = await source.getInventory({
        from,
        to: now,
        // Tells the source's HTTP client the deadline: no retry or budget wait outlives it.
        signal: deadlineSignal(this.options.timeoutMs, { parent: signal }),
      });
      const reported = inventory.alerts.slice(0, MAX_ALERTS_PER_SOURCE);
      const alerts = new Map<string, SourceAlert>();
      for (const alert of reported) {
        const clean = sanitizeSourceAlert(alert);
        if (clean && !alerts.has(clean.id)) alerts.set(clean.id, clean);
      }
      if (alerts.size < reported.length) {
        logger.warn(
          `Ignored ${
            reported.length - alerts.size
          } invalid or repeated alerts of the ${source.id} alert source`,
        );
      }
      const mapped: MappedAlert[] = [];
      let unowned = 0;
      for (const alert of alerts.values()) {
        const refs = mapper.entitiesOf(alert.labels);
        if (refs.length === 0) unowned += 1;
        for (const entityRef of refs.length > 0 ? refs : [NO_ENTITY]) {
          mapped.push({ entityRef, alert });
        }
      }
      await store.replaceSourceAlerts(source.id, mapped, now);
      const ids = new Set(alerts.keys());
      let firings: number;
      if (inventory.firings) {
        const valid = inventory.firings
          .slice(0, MAX_FIRINGS_PER_SOURCE)
          .map(f => sanitizeFiring(f, ids))
          .filter((f): f is AlertFiring => Boolean(f));
        await store.replaceSourceFirings(source.id, from, valid);
        firings = valid.length;
      } else {
        firings = await this.recordFromStates(
          source.id,
          [...alerts.values()],
          now,
        );
      }
      await store.recordSync(source.id, { at: now, error: null });
      return {
        source: source.id,
        ok: true,
        alerts: alerts.size,
        unowned,
        firings,
      };
    } catch (error) {
      const message = errorText(error);
      this.failures.warn(
        error,
        `Reading the ${source.id} alert source failed: ${message}`,
      );
      await store.recordSync(source.id, { at: now, error: message });
      return { source: source.id, ok: false, error: message };
    }
  }

  /** Firings of a source without history: opened when first seen firing, resolved when seen not firing. */
  private async recordFromStates(
    source: string,
    alerts: SourceAlert[],
    now: Date,
  ): Promise<number> {
    const scope = { source, scope: NO_ENTITY };
    const open = await this.options.store.listOpenFirings(scope);
    const openIds = new Set(open.map(f => f.alertId));
    const firing = new Set(
      alerts.filter(a => a.state === 'firing').map(a => a.id),
    );
    const started = alerts
      .filter(a => firing.has(a.id) && !openIds.has(a.id))
      .map(a => ({
        alertId: a.id,
        startedAt:
          a.firingSince && a.firingSince <= now.toISOString()
            ? a.firingSince
            : now.toISOString(),
        resolvedAt: null,
      }));
    await this.options.store.upsertFirings(scope, started);
    const ended = open.filter(f => !firing.has(f.alertId));
    await this.options.store.resolveFirings(scope, ended, now);
    return started.length;
  }
}
