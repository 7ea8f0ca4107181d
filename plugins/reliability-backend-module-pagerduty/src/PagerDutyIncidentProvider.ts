import { Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  ANNOTATIONS,
  Incident,
  IncidentSeverity,
  isHttpUrl,
  parseIncidentSeverity,
} from '@internal/backstage-plugin-reliability-common';
import {
  IncidentProvider,
  IncidentsRequest,
  parseProviderResponse,
  ProviderHttpClient,
} from '@internal/backstage-plugin-reliability-node';
import {
  incidentsResponseSchema,
  logEntriesResponseSchema,
  PagerDutyIncident,
  PagerDutyLogEntry,
} from './incidentTypes';
import {
  hasPagerDutyService,
  PAGERDUTY_PROVIDER_ID,
} from './PagerDutyOnCallProvider';

const SERVICE_ID = /^[A-Z0-9]{1,32}$/i;
/** Page size of /incidents and /log_entries (PagerDuty's maximum is 100). */
const PAGE_SIZE = 100;
/** Upper bounds on pages, in case an API keeps answering `more: true`. */
const MAX_INCIDENT_PAGES = 10;
const MAX_LOG_PAGES = 5;

/**
 * The severity of a PagerDuty incident: its priority when it has one named like P1..P5 (P1 = sev1), else its
 * urgency (`high` = sev2, `low` = sev4).
 */
export function pagerDutySeverity(
  incident: PagerDutyIncident,
): IncidentSeverity {
  const priority =
    parseIncidentSeverity(incident.priority?.summary) ??
    parseIncidentSeverity(incident.priority?.name);
  if (priority) return priority;
  return incident.urgency === 'low' ? 'sev4' : 'sev2';
}

function earliest(entries: PagerDutyLogEntry[], type: string): string | null {
  const times = entries
    .filter(e => e.type === type)
    .map(e => e.created_at)
    .sort();
  return times[0] ?? null;
}

function latest(entries: PagerDutyLogEntry[], type: string): string | null {
  const times = entries
    .filter(e => e.type === type)
    .map(e => e.created_at)
    .sort();
  return times[times.length - 1] ?? null;
}

/**
 * Incidents from PagerDuty for entities annotated `pagerduty.com/service-id`: the service's incidents created
 * within the requested interval (REST API v2 `/incidents`), with acknowledge and resolve times from each
 * incident's log entries. Incidents still `triggered` need no log entries (nothing to read yet).
 */
export class PagerDutyIncidentProvider implements IncidentProvider {
  readonly id = PAGERDUTY_PROVIDER_ID;

  constructor(private readonly client: ProviderHttpClient) {}

  supports(entity: Entity): boolean {
    return hasPagerDutyService(entity);
  }

  async getIncidents(request: IncidentsRequest): Promise<Incident[]> {
    const serviceId =
      request.entity.metadata.annotations?.[
        ANNOTATIONS.pagerDutyServiceId
      ]?.trim() ?? '';
    if (!SERVICE_ID.test(serviceId)) {
      throw new InputError(
        `Invalid ${ANNOTATIONS.pagerDutyServiceId} annotation '${serviceId}'`,
      );
    }
    const incidents = await this.listIncidents(serviceId, request);
    const result: Incident[] = [];
    for (const incident of incidents) {
      const entries =
        incident.status === 'triggered'
          ? []
          : await this.logEntries(incident.id, request.signal);
      const resolvedAt =
        incident.status === 'resolved'
          ? latest(entries, 'resolve_log_entry') ??
            incident.last_status_change_at ??
            null
          : null;
      result.push({
        id: incident.id,
        source: this.id,
        title:
          incident.title ??
          incident.summary ??
          `Incident #${incident.incident_number ?? incident.id}`,
        severity: pagerDutySeverity(incident),
        status:
          incident.status === 'resolved' || incident.status === 'acknowledged'
            ? incident.status
            : 'triggered',
        startedAt: incident.created_at,
        acknowledgedAt: earliest(entries, 'acknowledge_log_entry'),
        resolvedAt,
        // Only http(s) links reach the page.
        url: isHttpUrl(incident.html_url) ? incident.html_url! : null,
      });
    }
    return result;
  }

  private async listIncidents(
    serviceId: string,
    request: IncidentsRequest,
  ): Promise<PagerDutyIncident[]> {
    const all: PagerDutyIncident[] = [];
    for (let page = 0, offset = 0; page < MAX_INCIDENT_PAGES; page++) {
      const body = parseProviderResponse(
        'PagerDuty',
        incidentsResponseSchema,
        await this.client.getJson('/incidents', {
          query: [
            ['service_ids[]', serviceId],
            ['since', request.from.toISOString()],
            ['until', request.to.toISOString()],
            ['time_zone', 'UTC'],
            ['sort_by', 'created_at:desc'],
            ['limit', String(PAGE_SIZE)],
            ['offset', String(offset)],
          ],
          signal: request.signal,
          describeError: ({ status }) =>
            status === 404
              ? `PagerDuty service ${serviceId} not found (HTTP 404)`
              : undefined,
        }),
        'incident list',
      );
      all.push(...body.incidents);
      if (!body.more || body.incidents.length === 0) break;
      offset += body.incidents.length;
    }
    return all;
  }

  private async logEntries(
    incidentId: string,
    signal?: AbortSignal,
  ): Promise<PagerDutyLogEntry[]> {
    const all: PagerDutyLogEntry[] = [];
    for (let page = 0, offset = 0; page < MAX_LOG_PAGES; page++) {
      const body = parseProviderResponse(
        'PagerDuty',
        logEntriesResponseSchema,
        await this.client.getJson(
          `/incidents/${encodeURIComponent(incidentId)}/log_entries`,
          {
            query: [
              ['is_overview', 'true'],
              ['time_zone', 'UTC'],
              ['limit', String(PAGE_SIZE)],
              ['offset', String(offset)],
            ],
            signal,
          },
        ),
        'incident log entries',
      );
      all.push(...body.log_entries);
      if (!body.more || body.log_entries.length === 0) break;
      offset += body.log_entries.length;
    }
    return all;
  }
}
