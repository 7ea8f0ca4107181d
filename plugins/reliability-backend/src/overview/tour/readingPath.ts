import { Entity } from '@backstage/catalog-model';
import {
  entityRefKey,
  ReadingPathStep,
  reliabilityStateOf,
  SloDefinition,
  SloSummary,
  TourSloExplanation,
} from '@internal/backstage-plugin-reliability-common';
import { tierOf } from '../serviceRows';
import { LoadedSummaries } from '../sources';
import { dependentsOf } from './buildTourGraph';
import { explainSlo } from './explainSlo';
import { runbookLinksOf } from './runbookLinks';

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

function sloExplanations(
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
 * matters, lists its runbooks and explains its SLOs (from their definitions, or their count when the
 * definitions were not loaded).
 */
export function buildReadingPath(
  services: Entity[],
  summaries: LoadedSummaries,
  sloDefinitions: Map<string, SloDefinition[]>,
): ReadingPathStep[] {
  return readingOrder(services, summaries)
    .map(entity => ({ entity, ref: entityRefKey(entity) }))
    .map(({ entity, ref }) => {
      const summary = summaries.slo.get(ref);
      return {
        entityRef: ref,
        title: entity.metadata.title ?? entity.metadata.name,
        whyItMatters: whyItMatters(entity, summary),
        state: reliabilityStateOf(summary),
        runbooks: runbookLinksOf(entity),
        slos: sloExplanations(sloDefinitions.get(ref), summary),
      };
    });
}
