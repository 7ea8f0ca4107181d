import { LoggerService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import {
  entityRefKey,
  INCIDENT_SEVERITIES,
  INCIDENT_STATUSES,
  Incident,
  isHttpUrl,
} from '@internal/backstage-plugin-reliability-common';
import {
  deadlineSignal,
  IncidentProvider,
  ProviderBudgetTally,
} from '@internal/backstage-plugin-reliability-node';
import { ProviderFailureLog } from '../../shared/providerFailures';
import { INCIDENT_ID_PATTERN } from '../embedded/incidentsBodySchema';
import { IncidentStore } from '../store/IncidentStore';

const DAY_MS = 24 * 3600_000;
/** A read starts this long before the last successful one, so late changes to recent incidents are seen. */
const OVERLAP_MS = DAY_MS;
/** Most incidents kept from one read. */
export const MAX_INCIDENTS_PER_READ = 1000;
const MAX_TITLE_LENGTH = 500;

/** Outcome of reading the providers of one entity. */
export interface ProviderSyncResult {
  read: number;
  failed: number;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function validTime(value: string | null | undefined): string | null {
  if (!value) return null;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

/**
 * What a provider reported, made safe to store: its own id as the source, http(s) links only, valid times,
 * a bounded title. Undefined for an incident that cannot be stored (no valid id, severity, status or start).
 */
export function sanitizeProviderIncident(
  providerId: string,
  incident: Incident,
): Incident | undefined {
  const startedAt = validTime(incident.startedAt);
  if (
    !startedAt ||
    typeof incident.id !== 'string' ||
    !INCIDENT_ID_PATTERN.test(incident.id) ||
    !INCIDENT_SEVERITIES.includes(incident.severity) ||
    !INCIDENT_STATUSES.includes(incident.status)
  ) {
    return undefined;
  }
  const resolvedAt =
    incident.status === 'resolved' ? validTime(incident.resolvedAt) : null;
  return {
    id: incident.id,
    source: providerId,
    title:
      String(incident.title ?? '')
        .trim()
        .slice(0, MAX_TITLE_LENGTH) || incident.id,
    severity: incident.severity,
    status: incident.status,
    startedAt,
    acknowledgedAt: validTime(incident.acknowledgedAt),
    resolvedAt,
    url: isHttpUrl(incident.url) ? incident.url : null,
  };
}

/**
 * Reads the incidents of one entity from every provider that supports it and stores them. The first read goes
 * back `windowDays`; later reads start a day before the last successful one, or at the earliest incident still
 * open, so acknowledgements and resolutions of open incidents arrive. Each read has `timeoutMs`; a failure is
 * recorded as the source's error (the incidents read before stay) and never thrown.
 */
export class ProviderIncidentSync {
  private readonly failures: ProviderFailureLog;

  constructor(
    private readonly options: {
      providers: readonly IncidentProvider[];
      store: IncidentStore;
      logger: LoggerService;
      now: () => Date;
      windowDays: number;
      timeoutMs: number;
    },
  ) {
    this.failures = new ProviderFailureLog(options.logger);
  }

  /** The providers serving the entity. */
  supporting(entity: Entity): IncidentProvider[] {
    return this.options.providers.filter(provider => {
      try {
        return provider.supports(entity);
      } catch {
        return false;
      }
    });
  }

  /**
   * Reads the entity's incidents from its providers. A read refused by the vendor's request budget is counted in
   * `budget` (the refresher's one line per run) instead of logged; its incidents stay as read before. Reads wait
   * for budget turns up to their timeout, and never beyond `budget.waitUntil` (the end of the refresh cycle).
   */
  async sync(
    entity: Entity,
    signal?: AbortSignal,
    budget?: ProviderBudgetTally,
  ): Promise<ProviderSyncResult> {
    const result: ProviderSyncResult = { read: 0, failed: 0 };
    const providers = this.supporting(entity);
    if (providers.length === 0) return result;
    const entityRef = entityRefKey(entity);
    const syncs = new Map(
      (await this.options.store.listSyncs(entityRef)).map(s => [s.source, s]),
    );
    for (const provider of providers) {
      if (signal?.aborted) break;
      const now = this.options.now();
      try {
        const from = await this.readFrom(
          entityRef,
          provider.id,
          syncs.get(provider.id)?.syncedAt ?? null,
          now,
        );
        const incidents = await provider.getIncidents({
          entity,
          from,
          to: now,
          // Tells the provider's HTTP client the deadline: no retry or budget wait outlives it, and no budget
          // wait outlives the refresh cycle's end either.
          signal: deadlineSignal(this.options.timeoutMs, {
            parent: signal,
            waitUntil: budget?.waitUntil,
          }),
        });
        const valid = incidents
          .slice(0, MAX_INCIDENTS_PER_READ)
          .map(incident => sanitizeProviderIncident(provider.id, incident))
          .filter((incident): incident is Incident => Boolean(incident));
        if (valid.length < Math.min(incidents.length, MAX_INCIDENTS_PER_READ)) {
          this.options.logger.warn(
            `Ignored ${
              incidents.length - valid.length
            } invalid incidents of ${entityRef} from the ${
              provider.id
            } provider`,
          );
        }
        await this.options.store.upsertIncidents(entityRef, valid, now);
        await this.options.store.recordSync(entityRef, provider.id, {
          at: now,
          error: null,
        });
        result.read += valid.length;
      } catch (error) {
        result.failed += 1;
        if (!budget?.refused(error, syncs.get(provider.id)?.syncedAt)) {
          this.failures.warn(
            error,
            `Reading the incidents of ${entityRef} from the ${
              provider.id
            } provider failed: ${errorText(error)}`,
          );
        }
        await this.options.store.recordSync(entityRef, provider.id, {
          at: now,
          error: errorText(error),
        });
      }
    }
    return result;
  }

  private async readFrom(
    entityRef: string,
    source: string,
    lastSync: Date | null,
    now: Date,
  ): Promise<Date> {
    const windowStart = now.getTime() - this.options.windowDays * DAY_MS;
    if (!lastSync) return new Date(windowStart);
    const earliestOpen = await this.options.store.earliestOpenStart(
      entityRef,
      source,
    );
    const from = Math.min(
      lastSync.getTime() - OVERLAP_MS,
      earliestOpen?.getTime() ?? Number.POSITIVE_INFINITY,
    );
    return new Date(Math.max(windowStart, from));
  }
}
