import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATIONS,
  EntitySlo,
  entityRefKey,
  hasSloDefinitions,
  PolicyStateChange,
  SloReport,
  SloReportRow,
  SloReportRunbook,
} from '@internal/backstage-plugin-reliability-common';
import { catalogEntityPages } from '../../shared/catalogPages';
import { mapWithConcurrency } from '../../shared/concurrency';
import { PolicyService } from '../PolicyService';
import { SloStateSource } from '../SloStateSource';
import { readChecklistChanges } from './checklistChanges';
import { runbooksTouchedIn } from './periodActivity';
import { reportPeriods, reportWindows } from './reportPeriods';
import { ChecklistHistorySource, RunbookListSource } from './reportSources';

/** Most entities one report covers. */
export const MAX_REPORT_ENTITIES = 200;
/** Most policy state changes one report reads. */
const MAX_CHANGES = 5000;
const CONCURRENCY = 4;

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A team (`relations.ownedBy`) or a system (`relations.partOf`), as a normalised ref. */
export type ReportScope = { kind: 'owner' | 'system'; ref: string };

const RELATION: Record<ReportScope['kind'], string> = {
  owner: 'relations.ownedBy',
  system: 'relations.partOf',
};

function sloFilter(scope: ReportScope) {
  return [ANNOTATIONS.sloDefinitions, ANNOTATIONS.sloInline].map(
    annotation => ({
      [RELATION[scope.kind]]: scope.ref,
      [`metadata.annotations.${annotation}`]: CATALOG_FILTER_EXISTS,
    }),
  );
}

/**
 * The SLO review report of a team or a system: for each SLO of the entities it owns (or that are part of it), the
 * last complete window and the current one with attainment, budget spent, burn alerts and policy state changes;
 * and, over the whole period, the runbooks reviewed and the checklist assessments submitted (when the runbooks
 * and checklist areas are given). Entities are read with the caller's credentials, so the report shows only what
 * the caller may see.
 */
export class SloReportService {
  constructor(
    private readonly options: {
      catalog: CatalogService;
      slos: SloStateSource;
      policy: PolicyService;
      runbooks?: RunbookListSource;
      checklist?: ChecklistHistorySource;
      now: () => Date;
    },
  ) {}

  async report(
    scope: ReportScope,
    credentials: BackstageCredentials,
  ): Promise<SloReport> {
    const now = this.options.now();
    const entities = await this.entitiesIn(scope, credentials);
    const truncated = entities.length > MAX_REPORT_ENTITIES;
    const reported = entities.slice(0, MAX_REPORT_ENTITIES);
    const refs = reported.map(entity => entityRefKey(entity));

    const perEntity = await mapWithConcurrency(reported, CONCURRENCY, entity =>
      this.options.slos.getEntitySlos(entity),
    );
    const slos = reported.flatMap((entity, i) =>
      perEntity[i].slos.map(slo => ({ entity, slo })),
    );
    const from = slos.reduce(
      (earliest, { slo }) =>
        Math.min(earliest, reportWindows(slo, now).previous.start.getTime()),
      now.getTime(),
    );
    const [states, changes, activity, overrides] = await Promise.all([
      this.options.policy.getStates(refs),
      this.options.policy.getChanges(refs, {
        from: new Date(from),
        limit: MAX_CHANGES,
      }),
      this.periodActivity(reported, new Date(from), now),
      this.options.policy.getOverridesCreatedBetween(refs, {
        from: new Date(from),
        to: now,
        limit: MAX_CHANGES,
      }),
    ]);
    const rows = await mapWithConcurrency(
      slos,
      CONCURRENCY,
      ({ entity, slo }) =>
        this.row(entity, slo, {
          from: new Date(from),
          now,
          state: states
            .get(entityRefKey(entity))
            ?.find(s => s.sloName === slo.definition.name),
          changes: changes.filter(
            c =>
              c.entityRef === entityRefKey(entity) &&
              c.sloName === slo.definition.name,
          ),
        }),
    );
    return {
      scope,
      generatedAt: now.toISOString(),
      entityCount: entities.length,
      truncated,
      rows,
      serviceChanges: changes
        .filter(c => c.sloName === null)
        .sort((a, b) => a.changedAt.localeCompare(b.changedAt)),
      periodStart: new Date(from).toISOString(),
      ...activity,
      overrides,
    };
  }

  /**
   * Runbooks reviewed and checklist assessments submitted in [from, to] (with what kept each from the next level)
   * across the entities, read per entity (at most CONCURRENCY at a time); an entity whose runbooks or history
   * cannot be read is named in `problems`.
   */
  private async periodActivity(
    entities: Entity[],
    from: Date,
    to: Date,
  ): Promise<
    Pick<SloReport, 'runbooksTouched' | 'checklistChanges' | 'problems'>
  > {
    const { runbooks, checklist } = this.options;
    const problems: string[] = [];
    const perEntity = await mapWithConcurrency(
      entities,
      CONCURRENCY,
      async entity => {
        const entityRef = entityRefKey(entity);
        const [touched, assessed] = await Promise.all([
          runbooks
            ? runbooks.list(entity, undefined).then(
                list => runbooksTouchedIn(entityRef, list.runbooks, from, to),
                error => {
                  problems.push(
                    `Runbooks of ${entityRef} could not be read: ${errorText(
                      error,
                    )}`,
                  );
                  return [] as SloReportRunbook[];
                },
              )
            : [],
          checklist
            ? readChecklistChanges(checklist, entityRef, from, to).then(
                read => {
                  problems.push(...read.problems);
                  return read.changes;
                },
                error => {
                  problems.push(
                    `Checklist history of ${entityRef} could not be read: ${errorText(
                      error,
                    )}`,
                  );
                  return [];
                },
              )
            : [],
        ]);
        return { touched, assessed };
      },
    );
    return {
      runbooksTouched: perEntity
        .flatMap(e => e.touched)
        .sort(
          (a, b) =>
            b.lastReviewed.localeCompare(a.lastReviewed) ||
            a.entityRef.localeCompare(b.entityRef),
        ),
      checklistChanges: perEntity
        .flatMap(e => e.assessed)
        .sort((a, b) => a.assessedAt.localeCompare(b.assessedAt)),
      problems: problems.sort(),
    };
  }

  private async entitiesIn(
    scope: ReportScope,
    credentials: BackstageCredentials,
  ): Promise<Entity[]> {
    const entities: Entity[] = [];
    const pages = catalogEntityPages(
      this.options.catalog,
      {
        filter: sloFilter(scope),
        // One more than reported, to know whether the report is truncated.
        maxEntities: MAX_REPORT_ENTITIES + 1,
      },
      credentials,
    );
    for await (const page of pages) {
      entities.push(...page.filter(hasSloDefinitions));
    }
    return entities.sort((a, b) =>
      entityRefKey(a).localeCompare(entityRefKey(b)),
    );
  }

  private async row(
    entity: Entity,
    slo: EntitySlo,
    context: {
      from: Date;
      now: Date;
      state:
        | { state: string; decision: SloReportRow['policyDecision'] }
        | undefined;
      changes: PolicyStateChange[];
    },
  ): Promise<SloReportRow> {
    const history = await this.options.slos.getHistory(
      entity,
      slo.definition.name,
      context.from,
      context.now,
    );
    const periods = reportPeriods({
      slo,
      history: history.points,
      downsampled: history.downsampled,
      changes: context.changes,
      now: context.now,
    });
    const { definition } = slo;
    return {
      entityRef: entityRefKey(entity),
      ...(entity.metadata.title ? { entityTitle: entity.metadata.title } : {}),
      sloName: definition.name,
      ...(definition.displayName
        ? { displayName: definition.displayName }
        : {}),
      target:
        slo.status?.target ??
        Math.max(...definition.objectives.map(o => o.target)),
      window: definition.window.label,
      policyState: context.state?.state ?? null,
      policyDecision: context.state?.decision ?? null,
      ...periods,
    };
  }
}
