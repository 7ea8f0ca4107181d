import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity, parseEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ActionItemView,
  entityRefKey,
  FollowUpCounts,
  IncidentFollowUpResponse,
  IncidentSummary,
  IncidentView,
  TeamFollowUp,
} from '@internal/backstage-plugin-reliability-common';
import { queryAllEntities } from '../../shared/catalogPages';
import { chunk } from '../../shared/chunk';
import { mapWithConcurrency } from '../../shared/concurrency';
import { ownerRefOf } from '../../shared/relationRef';
import type { IncidentService } from '../IncidentService';
import { INCIDENT_ENTITY_FILTER } from '../incidentEntityPages';

/** Refs per catalog visibility check. */
const VISIBILITY_BATCH = 200;
/** Most entities of a team whose postmortems are read for the lists (the counts cover every entity). */
const MAX_DETAILED_ENTITIES = 50;
const CONCURRENCY = 4;
/** Most entities of one team the team view covers. */
const MAX_OWNED_ENTITIES = 500;

/** The incidents area's reads for a team and the organisation (the parts of IncidentService it uses). */
export type FollowUpIncidents = Pick<
  IncidentService,
  | 'getSummaries'
  | 'listEntityRefs'
  | 'getEntityPostmortems'
  | 'postmortemRequirement'
>;

const ZERO: FollowUpCounts = {
  postmortemsDue: 0,
  postmortemsOverdue: 0,
  openActionItems: 0,
  overdueActionItems: 0,
};

function addCounts(
  total: FollowUpCounts,
  part: FollowUpCounts,
): FollowUpCounts {
  return {
    postmortemsDue: total.postmortemsDue + part.postmortemsDue,
    postmortemsOverdue: total.postmortemsOverdue + part.postmortemsOverdue,
    openActionItems: total.openActionItems + part.openActionItems,
    overdueActionItems: total.overdueActionItems + part.overdueActionItems,
  };
}

const needsFollowUp = (s: IncidentSummary) =>
  s.postmortemsDue + s.postmortemsOverdue + s.openActionItems > 0;

/** The owning group of an entity (its `ownedBy` relation, else `spec.owner`), null without one. */
function ownerOf(entity: Entity): string | null {
  const relation = entity.relations?.find(r => r.type === 'ownedBy');
  if (relation) return entityRefKey(relation.targetRef);
  return ownerRefOf(entity) ?? null;
}

/**
 * Postmortem follow-up beyond one service: for a team, the missing and overdue postmortems and the open action
 * items of every entity it owns; for the organisation, the teams with the most overdue work. Built from the
 * summaries the refresher stores; entities are read with the caller's credentials, so catalog permissions
 * decide what is counted.
 */
export class IncidentFollowUpService {
  constructor(
    private readonly deps: {
      catalog: CatalogService;
      incidents: FollowUpIncidents;
      now: () => Date;
    },
  ) {}

  async getFollowUp(
    owner: string | null,
    credentials: BackstageCredentials,
  ): Promise<IncidentFollowUpResponse> {
    return owner
      ? this.teamFollowUp(
          entityRefKey(parseEntityRef(owner, { defaultKind: 'group' })),
          credentials,
        )
      : this.organisationFollowUp(credentials);
  }

  private async teamFollowUp(
    ownerRef: string,
    credentials: BackstageCredentials,
  ): Promise<IncidentFollowUpResponse> {
    const owned = await queryAllEntities(
      this.deps.catalog,
      {
        // The relation first: the in-memory catalog of the tests decides on an array value at once.
        filter: { 'relations.ownedBy': ownerRef, ...INCIDENT_ENTITY_FILTER },
        maxEntities: MAX_OWNED_ENTITIES,
      },
      credentials,
    );
    const byRef = new Map(owned.map(e => [entityRefKey(e), e]));
    const summaries = [
      ...(await this.deps.incidents.getSummaries([...byRef.keys()])).values(),
    ].sort((a, b) => a.entityRef.localeCompare(b.entityRef));
    const detailed = summaries
      .filter(needsFollowUp)
      .slice(0, MAX_DETAILED_ENTITIES);
    const views = await mapWithConcurrency(detailed, CONCURRENCY, s =>
      this.deps.incidents.getEntityPostmortems(
        byRef.get(s.entityRef)!,
        credentials,
      ),
    );
    const missing = views.flatMap(v =>
      v.missing.map(incident => ({ entityRef: v.entityRef, incident })),
    );
    const actionItems = views.flatMap(v =>
      v.actionItems.map(item => ({ entityRef: v.entityRef, item })),
    );
    return {
      owner: ownerRef,
      counts: summaries.reduce(addCounts, ZERO),
      teams: [],
      entities: summaries.filter(s => s.incidents > 0 || needsFollowUp(s)),
      missing: missing.sort(byMissingOrder),
      actionItems: actionItems.sort(byActionItemOrder),
      postmortemPolicy: this.deps.incidents.postmortemRequirement(),
      generatedAt: this.deps.now().toISOString(),
    };
  }

  private async organisationFollowUp(
    credentials: BackstageCredentials,
  ): Promise<IncidentFollowUpResponse> {
    const summaries = await this.deps.incidents.getSummaries(
      await this.deps.incidents.listEntityRefs(),
    );
    const teams = new Map<string | null, TeamFollowUp>();
    for (const batch of chunk([...summaries.keys()], VISIBILITY_BATCH)) {
      const { items } = await this.deps.catalog.getEntitiesByRefs(
        {
          entityRefs: batch,
          fields: ['kind', 'metadata', 'spec.owner', 'relations'],
        },
        { credentials },
      );
      for (const entity of items) {
        if (!entity) continue;
        const summary = summaries.get(entityRefKey(entity));
        if (!summary) continue;
        const ownerRef = ownerOf(entity);
        const team = teams.get(ownerRef) ?? {
          ownerRef,
          entities: 0,
          incidents: 0,
          ...ZERO,
        };
        teams.set(ownerRef, {
          ...team,
          ...addCounts(team, summary),
          entities: team.entities + 1,
          incidents: team.incidents + summary.incidents,
        });
      }
    }
    const rows = [...teams.values()].sort(
      (a, b) =>
        b.overdueActionItems - a.overdueActionItems ||
        b.postmortemsOverdue - a.postmortemsOverdue ||
        b.openActionItems - a.openActionItems ||
        (a.ownerRef ?? '~').localeCompare(b.ownerRef ?? '~'),
    );
    return {
      owner: null,
      counts: rows.reduce(addCounts, ZERO),
      teams: rows,
      entities: [],
      missing: [],
      actionItems: [],
      postmortemPolicy: this.deps.incidents.postmortemRequirement(),
      generatedAt: this.deps.now().toISOString(),
    };
  }
}

function byMissingOrder(
  a: { incident: IncidentView },
  b: { incident: IncidentView },
): number {
  return (
    Number(b.incident.postmortem.state === 'overdue') -
      Number(a.incident.postmortem.state === 'overdue') ||
    b.incident.startedAt.localeCompare(a.incident.startedAt)
  );
}

function byActionItemOrder(
  a: { item: ActionItemView },
  b: { item: ActionItemView },
): number {
  return (
    Number(b.item.overdue) - Number(a.item.overdue) ||
    (a.item.due ?? '9999').localeCompare(b.item.due ?? '9999') ||
    a.item.title.localeCompare(b.item.title)
  );
}
