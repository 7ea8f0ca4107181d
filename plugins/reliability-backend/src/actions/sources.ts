import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import {
  ArchitectureTour,
  BackgroundWorkResponse,
  Checklist,
  DeployGateResponse,
  EntityMaturity,
  EntityOnCall,
  EntityRunbooksResponse,
  EntitySlosResponse,
  GroupOnCall,
  OverviewPage,
  OverviewSortField,
  PolicyDecision,
  SliEventsIngestResponse,
} from '@internal/backstage-plugin-reliability-common';
import { z } from 'zod';

/**
 * What the actions read from (and, for SLI events, write to) the other areas: narrow interfaces declared here
 * and implemented by the areas' services, passed explicitly by `createFeatures.ts` (docs/architecture.md).
 * Callers load entities with the caller's credentials before handing them to a source.
 */

/** An entity's SLOs with their newest state (the SLO area's service). */
export interface SloReader {
  getEntitySlos(entity: Entity): Promise<EntitySlosResponse>;
}

/** One interval of SLI event counts, as the embedded SLI store takes it. */
export interface SliEventInterval {
  start: Date;
  end: Date;
  good: number;
  total: number;
}

/** Writes SLI event counts of one SLI of an entity (the SLO area's ingest service). */
export interface SliEventWriter {
  ingest(
    entityRef: string,
    sli: string,
    events: SliEventInterval[],
  ): Promise<SliEventsIngestResponse>;
}

/**
 * The SLO area's validation of an SLI events submission (the same rules as its HTTP route: counts, interval
 * lengths, no interval in the future, no overlaps), as a zod schema built for the current instant.
 */
export type SliEventsSchema = (now: Date) => z.ZodType<{
  sli: string;
  events: Array<{ start: string; end: string; good: number; total: number }>;
}>;

/** On-call state of an entity, and the on-call view of a team (the on-call area's service). */
export interface OnCallReader {
  getEntityOnCall(entity: Entity): Promise<EntityOnCall>;
  groupOnCall(
    groupRef: string,
    credentials: BackstageCredentials,
  ): Promise<GroupOnCall>;
}

/** An entity's runbooks, searched by text, with their coverage of its SLO alerts (the runbooks area's service). */
export interface RunbookReader {
  list(
    entity: Entity,
    query: string | undefined,
  ): Promise<EntityRunbooksResponse>;
}

/** Maturity score, level and item-by-item explanation of an entity (the checklist area's service). */
export interface MaturityReader {
  /** The checklist in force: its items name the templates that fix them (`fixTemplate`). */
  readonly checklist: Checklist;
  getEntityMaturity(
    entityRef: string,
  ): Promise<Omit<EntityMaturity, 'canSubmit'>>;
}

/** Filters of the org overview (the same meaning as `GET /overview`). */
export interface ServiceFilters {
  team?: string;
  system?: string;
  domain?: string;
  tier?: string;
  level?: string;
  q?: string;
}

/** A request for overview pages: filters, sort, page size and offset. */
export interface ServicePagesRequest {
  limit: number;
  offset: number;
  filters: ServiceFilters & {
    sort: OverviewSortField;
    order: 'asc' | 'desc';
  };
}

/** Pages of services joined with every area's summaries, read with the caller's credentials (the overview's service). */
export interface ServiceOverviewReader {
  pages(
    request: ServicePagesRequest,
    credentials: BackstageCredentials,
    maxRows: number,
  ): AsyncGenerator<OverviewPage>;
}

/** Architecture tours of systems and domains (the overview's tour service). */
export interface TourReader {
  systemTour(
    systemRef: string,
    credentials: BackstageCredentials,
  ): Promise<ArchitectureTour>;
  domainTour(
    domainRef: string,
    credentials: BackstageCredentials,
  ): Promise<ArchitectureTour>;
}

/** Everything the actions area reads from the areas created before it. */
/** The background tasks' states (the background-work area's service). */
export interface BackgroundWorkReader {
  list(withDetails: boolean): Promise<BackgroundWorkResponse>;
}

/** One recorded policy state of an entity: of an SLO, or of the service as a whole (`sloName` ''). */
export interface RecordedPolicyState {
  sloName: string;
  policyName: string;
  state: string;
  decision: PolicyDecision;
  consequence: string | null;
  since: Date;
  keptUntil: Date | null;
}

/** The recorded error-budget policy states of entities (the policy area's service). */
export interface PolicyStateReader {
  getStates(entityRefs: string[]): Promise<Map<string, RecordedPolicyState[]>>;
}

/** What the deploy gate would answer now for an entity, without recording it (the policy area's gate). */
export interface DeployGateReader {
  decide(entity: Entity): Promise<DeployGateResponse>;
}

export interface ActionSources {
  slos: SloReader;
  sliEvents: SliEventWriter;
  sliEventsSchema: SliEventsSchema;
  onCall: OnCallReader;
  runbooks: RunbookReader;
  maturity: MaturityReader;
  overview: ServiceOverviewReader;
  tour: TourReader;
  backgroundWork: BackgroundWorkReader;
  deployGate: DeployGateReader;
  policyStates: PolicyStateReader;
}
