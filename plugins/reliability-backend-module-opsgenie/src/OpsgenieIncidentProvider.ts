import { Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  ANNOTATIONS,
  Incident,
  isHttpUrl,
  parseIncidentSeverity,
} from '@internal/backstage-plugin-reliability-common';
import {
  IncidentProvider,
  IncidentsRequest,
  parseProviderResponse,
  ProviderHttpClient,
} from '@internal/backstage-plugin-reliability-node';
import { incidentsResponseSchema, OpsgenieIncident } from './incidentTypes';
import {
  hasOpsgenieTeam,
  OPSGENIE_PROVIDER_ID,
} from './OpsgenieOnCallProvider';
import { teamResponseSchema } from './opsgenieTypes';

const TEAM_NAME = /^[^/?#]{1,100}$/;
/** Page size of /v1/incidents (Opsgenie's maximum is 100). */
const PAGE_SIZE = 100;
/** Upper bound on pages: the account's incidents are read newest first until the interval's start. */
const MAX_PAGES = 20;

function time(value: string | null | undefined): number {
  const ms = value ? Date.parse(value) : Number.NaN;
  return Number.isFinite(ms) ? ms : Number.NaN;
}

function belongsTo(incident: OpsgenieIncident, teamId: string): boolean {
  return (
    incident.ownerTeam === teamId ||
    (incident.responders ?? []).some(r => r.type === 'team' && r.id === teamId)
  );
}

/**
 * Incidents from Opsgenie (Incident API) for entities annotated `opsgenie.com/team`: the incidents the team owns or
 * responds to that started within the requested interval. The account's incidents are listed newest first
 * (`sort=createdAt&order=desc`) until one older than the interval, and filtered by team, so no search syntax is
 * relied on. Opsgenie incidents have no acknowledgement (alerts do), so their time to acknowledge is unknown; the
 * resolution time is `impactEndDate`, else the last update of a resolved or closed incident.
 */
export class OpsgenieIncidentProvider implements IncidentProvider {
  readonly id = OPSGENIE_PROVIDER_ID;

  constructor(private readonly client: ProviderHttpClient) {}

  supports(entity: Entity): boolean {
    return hasOpsgenieTeam(entity);
  }

  async getIncidents(request: IncidentsRequest): Promise<Incident[]> {
    const teamName =
      request.entity.metadata.annotations?.[ANNOTATIONS.opsgenieTeam]?.trim() ??
      '';
    if (!TEAM_NAME.test(teamName)) {
      throw new InputError(
        `Invalid ${ANNOTATIONS.opsgenieTeam} annotation '${teamName}'`,
      );
    }
    const team = parseProviderResponse(
      'Opsgenie',
      teamResponseSchema,
      await this.client.getJson(`/v2/teams/${encodeURIComponent(teamName)}`, {
        query: [['identifierType', 'name']],
        signal: request.signal,
        describeError: ({ status }) =>
          status === 404
            ? `Opsgenie team '${teamName}' not found (HTTP 404)`
            : undefined,
      }),
      'team',
    ).data;
    const from = request.from.getTime();
    const to = request.to.getTime();
    return (await this.listSince(from, request.signal))
      .filter(incident => belongsTo(incident, team.id))
      .filter(incident => {
        const start = time(incident.impactStartDate ?? incident.createdAt);
        return start >= from && start < to;
      })
      .map(incident => this.toIncident(incident));
  }

  private toIncident(incident: OpsgenieIncident): Incident {
    const resolved =
      incident.status === 'resolved' || incident.status === 'closed';
    return {
      id: incident.id,
      source: this.id,
      title:
        incident.message ??
        (incident.tinyId ? `Incident #${incident.tinyId}` : incident.id),
      // Opsgenie's default priority is P3.
      severity: parseIncidentSeverity(incident.priority) ?? 'sev3',
      status: resolved ? 'resolved' : 'triggered',
      startedAt: incident.impactStartDate ?? incident.createdAt,
      acknowledgedAt: null,
      resolvedAt: resolved
        ? incident.impactEndDate ?? incident.updatedAt ?? null
        : null,
      // Only http(s) links reach the page.
      url: isHttpUrl(incident.links?.web) ? incident.links!.web! : null,
    };
  }

  /** The account's incidents created at or after `from`, newest first. */
  private async listSince(
    from: number,
    signal?: AbortSignal,
  ): Promise<OpsgenieIncident[]> {
    const all: OpsgenieIncident[] = [];
    for (let page = 0; page < MAX_PAGES; page++) {
      const body = parseProviderResponse(
        'Opsgenie',
        incidentsResponseSchema,
        await this.client.getJson('/v1/incidents', {
          query: [
            ['offset', String(page * PAGE_SIZE)],
            ['limit', String(PAGE_SIZE)],
            ['sort', 'createdAt'],
            ['order', 'desc'],
          ],
          signal,
        }),
        'incident list',
      );
      all.push(...body.data);
      const oldest = body.data[body.data.length - 1];
      if (
        body.data.length < PAGE_SIZE ||
        !body.paging?.next ||
        time(oldest.createdAt) < from
      ) {
        break;
      }
    }
    return all;
  }
}
