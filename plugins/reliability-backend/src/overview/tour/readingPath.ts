import { Entity, parseEntityRef } from '@backstage/catalog-model';
import {
  entityRefKey,
  ReadingPathStep,
  reliabilityStateOf,
  RunbookEntry,
  SloDefinition,
  SloSummary,
  TourSloExplanation,
} from '@internal/backstage-plugin-reliability-common';
import { tierOf } from '../serviceRows';
import { LoadedSummaries } from '../sources';
import { dependentsOf } from './buildTourGraph';
import { explainSlo } from './explainSlo';
import { tourRunbooksOf } from './runbookLinks';

const TECHDOCS_REF = 'backstage.io/techdocs-ref';
const TECHDOCS_ENTITY = 'backstage.io/techdocs-entity';

/** tier-1 first; services without a (recognisable) tier last. */
function tierRank(tier: string | null): number {
  const match = tier?.match(/(\d+)/);
  return match ? Number(match[1]) : Number.MAX_SAFE_INTEGER;
}

const ALERT_RANK = { page: 2, ticket: 1 } as const;

function alertRank(summary: SloSummary | undefined): number {
  return summary?.alerting ? ALERT_RANK[summary.alerting] : 0;
}

function whyItMatters(entity: Entity, summary: SloSummary | undefined): string {
  const reasons: string[] = [];
  const tier = tierOf(entity);
  if (tier) {
    reasons.push(
      tierRank(tier) === 1 ? `${tier}: among the most critical services` : tier,
    );
  }
  const dependents = dependentsOf(entity);
  if (dependents > 0) {
    reasons.push(
      `${dependents} ${
        dependents === 1 ? 'entity depends' : 'entities depend'
      } on it`,
    );
  }
  if (summary?.alerting === 'page') {
    reasons.push('paging now: its error budget is burning fast');
  } else if (summary?.alerting === 'ticket') {
    reasons.push('a ticket-level burn-rate alert is open');
  } else if (reliabilityStateOf(summary) === 'breaching') {
    reasons.push('its error budget is exhausted');
  }
  if (reasons.length === 0) {
    const description = entity.metadata.description?.trim();
    return description
      ? description.split('\n')[0]
      : 'Supporting service: no tier, no dependents recorded.';
  }
  const line = reasons.join('; ');
  return `${line.charAt(0).toLocaleUpperCase('en-US')}${line.slice(1)}.`;
}

/** The entity whose TechDocs document this one: itself (techdocs-ref) or the one techdocs-entity names. */
export function techDocsEntityOf(entity: Entity): string | null {
  const annotations = entity.metadata.annotations ?? {};
  if (annotations[TECHDOCS_REF]?.trim()) {
    return entityRefKey(entity);
  }
  const other = annotations[TECHDOCS_ENTITY]?.trim();
  if (other) {
    try {
      return entityRefKey(
        parseEntityRef(other, {
          defaultNamespace: entity.metadata.namespace ?? 'default',
        }),
      );
    } catch {
      return null;
    }
  }
  return null;
}

const titleOf = (entity: Entity) =>
  entity.metadata.title ?? entity.metadata.name;

function alertWords(summary: SloSummary | undefined): string {
  if (summary?.alerting === 'page') return 'paging';
  if (summary?.alerting === 'ticket') return 'a ticket alert open';
  return 'no alert firing';
}

const dependentWords = (count: number) =>
  `${count} ${count === 1 ? 'entity depends' : 'entities depend'} on it`;

/**
 * Why a service comes where it does in the reading path: the first ordering rule (tier, dependents, alerts,
 * name) that puts it ahead of the next one, with both values, so the order can be checked.
 */
function whyThisOrder(
  entity: Entity,
  next: Entity | undefined,
  summaries: Pick<LoadedSummaries, 'slo'>,
  index: number,
): string {
  const start = index === 0 ? 'Read first' : 'Read next';
  if (!next) {
    return index === 0
      ? 'The only service here.'
      : 'Read last: every service above it has a higher tier, more dependents or louder alerts.';
  }
  const nextTitle = titleOf(next);
  const tier = tierOf(entity);
  const nextTier = tierOf(next);
  if (tierRank(tier) !== tierRank(nextTier)) {
    return `${start}: ${tier} comes before ${
      nextTier ?? 'no tier'
    } (${nextTitle}).`;
  }
  const dependents = dependentsOf(entity);
  const nextDependents = dependentsOf(next);
  if (dependents !== nextDependents) {
    return `${start}: same tier as ${nextTitle}, but ${dependentWords(
      dependents,
    )} (${nextDependents} on ${nextTitle}).`;
  }
  const summary = summaries.slo.get(entityRefKey(entity));
  const nextSummary = summaries.slo.get(entityRefKey(next));
  if (alertRank(summary) !== alertRank(nextSummary)) {
    return `${start}: same tier and dependents as ${nextTitle}, but its SLOs have ${alertWords(
      summary,
    )} (${nextTitle}: ${alertWords(nextSummary)}).`;
  }
  return `${start}: as critical as ${nextTitle} by tier, dependents and alerts; ordered by name.`;
}

export function sloExplanations(
  definitions: SloDefinition[] | undefined,
  summary: SloSummary | undefined,
): TourSloExplanation[] {
  if (definitions && definitions.length > 0) {
    return definitions.map(explainSlo);
  }
  if (summary && summary.sloCount > 0) {
    return [
      {
        name: `${summary.sloCount} SLO${summary.sloCount === 1 ? '' : 's'}`,
        meaning:
          'See the Reliability tab of the service for what each objective measures and its error budget.',
      },
    ];
  }
  return [];
}

/**
 * The order in which a new hire should get to know the services of a system or domain: by tier (tier-1
 * first), then by how many entities depend on them, then by how loudly their SLOs alert, then by name.
 */
export function readingOrder(
  services: Entity[],
  summaries: Pick<LoadedSummaries, 'slo'>,
): Entity[] {
  return [...services]
    .map(entity => ({ entity, ref: entityRefKey(entity) }))
    .sort(
      (a, b) =>
        tierRank(tierOf(a.entity)) - tierRank(tierOf(b.entity)) ||
        dependentsOf(b.entity) - dependentsOf(a.entity) ||
        alertRank(summaries.slo.get(b.ref)) -
          alertRank(summaries.slo.get(a.ref)) ||
        a.ref.localeCompare(b.ref),
    )
    .map(({ entity }) => entity);
}

/**
 * The reading path of a system or domain, in {@link readingOrder}. Each step says in one line why the service
 * matters and why it comes at its place, lists its runbooks from the runbook index (titles, never annotation
 * paths), points at its TechDocs when it has them, and explains its SLOs (from their definitions, or their
 * count when the definitions were not loaded).
 */
export function buildReadingPath(
  services: Entity[],
  summaries: LoadedSummaries,
  sloDefinitions: Map<string, SloDefinition[]>,
  runbookIndex: Map<string, RunbookEntry[]> = new Map(),
): ReadingPathStep[] {
  const ordered = readingOrder(services, summaries);
  return ordered.map((entity, index) => {
    const ref = entityRefKey(entity);
    const summary = summaries.slo.get(ref);
    return {
      entityRef: ref,
      title: titleOf(entity),
      whyItMatters: whyItMatters(entity, summary),
      whyThisOrder: whyThisOrder(entity, ordered[index + 1], summaries, index),
      state: reliabilityStateOf(summary),
      runbooks: tourRunbooksOf(entity, runbookIndex.get(ref)),
      slos: sloExplanations(sloDefinitions.get(ref), summary),
      techDocsEntityRef: techDocsEntityOf(entity),
    };
  });
}
