import { CompoundEntityRef } from '@backstage/catalog-model';
import { EntityOnCall, GroupOnCall } from '../oncall';
import { EntityRunbookResponse, EntityRunbooksResponse } from '../runbooks/types';
import { EntitySlosResponse, SloHistoryResponse } from '../slo/api';

/**
 * Everything the reliability backend's REST API offers, as a typed interface.
 * Each area of the suite (SLOs, on-call, runbooks, checklist, overview) adds its methods here.
 *
 * @public
 */
export interface ReliabilityApi {
  /** SLO definitions of an entity (with definition problems) and each SLO's newest state. */
  getEntitySlos(entityRef: CompoundEntityRef): Promise<EntitySlosResponse>;
  /** Collected states of one SLO over [from, to] (bounded and downsampled by the backend). */
  getSloHistory(
    entityRef: CompoundEntityRef,
    sloName: string,
    range: { from: Date; to: Date },
  ): Promise<SloHistoryResponse>;
  /** On-call state of an entity: who is on call now, until when, escalation; or a degraded state. */
  getEntityOnCall(entityRef: CompoundEntityRef): Promise<EntityOnCall>;
  /** On-call view of a team: on call now per owned entity, load per person, single-person rotations. */
  getGroupOnCall(groupRef: CompoundEntityRef): Promise<GroupOnCall>;
  /** Runbooks of an entity (optionally searched by `q` in title, answers and body), with SLO alert coverage. */
  getEntityRunbooks(
    entityRef: CompoundEntityRef,
    options?: { q?: string },
  ): Promise<EntityRunbooksResponse>;
  /** One runbook of an entity with its Markdown body (null for linked runbooks). */
  getEntityRunbook(
    entityRef: CompoundEntityRef,
    id: string,
  ): Promise<EntityRunbookResponse>;
}
