import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  MaturitySummary,
  OnCallSummary,
  OverviewArea,
  PolicySummary,
  RunbookSummary,
  SloSummary,
} from '@internal/backstage-plugin-reliability-common';
import { SummarySource } from '../summaries';

/**
 * Pages of the entity refs of a kind at a maturity level, ordered by ref, for the overview's `level` filter:
 * one indexed query for the page, plus one count when `includeTotal`. `none` also matches entities the
 * checklist saw but never evaluated.
 */
export interface MaturityLevelIndex {
  pageEntityRefsWithLevel(options: {
    level: string;
    kind: string;
    order: 'asc' | 'desc';
    offset: number;
    limit: number;
    includeTotal: boolean;
  }): Promise<{ entityRefs: string[]; totalItems?: number }>;
}

/** Query of {@link MaturityLevelIndex} and {@link PolicyStateIndex}: one page of refs of a kind, by ref. */
export interface EntityRefPageQuery {
  kind: string;
  order: 'asc' | 'desc';
  offset: number;
  limit: number;
  includeTotal: boolean;
}

/**
 * Pages of the entity refs of a kind whose service is in an error-budget policy state (`frozen`, `ok`, ...),
 * ordered by ref, for the overview's `policy` filter: one indexed query for the page, plus one count when
 * `includeTotal`.
 */
export interface PolicyStateIndex {
  pageEntityRefsWithPolicyState(
    options: EntityRefPageQuery & { state: string },
  ): Promise<{ entityRefs: string[]; totalItems?: number }>;
}

/**
 * The services in a campaign's scope, for the overview's `campaign` filter: those the credentials can see, each
 * with whether it meets the campaign's target; undefined when there is no such campaign.
 */
export interface CampaignMembership {
  servicesOf(
    campaignId: string,
    credentials: BackstageCredentials,
  ): Promise<Array<{ entityRef: string; done: boolean }> | undefined>;
}

/**
 * What the overview and the tour read from the other areas. Every source is optional: a missing area leaves
 * its columns empty and is listed as unavailable.
 */
export interface OverviewSources {
  slo?: SummarySource<SloSummary>;
  oncall?: SummarySource<OnCallSummary>;
  runbooks?: SummarySource<RunbookSummary>;
  maturity?: SummarySource<MaturitySummary>;
  /** Enables the `level` filter (constant-query pre-selection of entity refs). */
  maturityLevels?: MaturityLevelIndex;
  policy?: SummarySource<PolicySummary>;
  /** Enables the `policy` filter (constant-query pre-selection of entity refs). */
  policyStates?: PolicyStateIndex;
  /** Enables the `campaign` filter (the campaigns area). */
  campaigns?: CampaignMembership;
}

/** Loaded summaries of a batch of entities (`policy` may be left out by callers that build them by hand). */
export interface LoadedSummaries {
  slo: Map<string, SloSummary>;
  oncall: Map<string, OnCallSummary>;
  runbooks: Map<string, RunbookSummary>;
  maturity: Map<string, MaturitySummary>;
  policy?: Map<string, PolicySummary>;
}

/** Reads every available summary for a batch of entity refs: one getSummaries call per source, in parallel. */
export async function loadSummaries(
  sources: OverviewSources,
  entityRefs: string[],
): Promise<Required<LoadedSummaries>> {
  const empty = <T>() => Promise.resolve(new Map<string, T>());
  const refs = [...new Set(entityRefs)];
  if (refs.length === 0) {
    return {
      slo: new Map<string, SloSummary>(),
      oncall: new Map<string, OnCallSummary>(),
      runbooks: new Map<string, RunbookSummary>(),
      maturity: new Map<string, MaturitySummary>(),
      policy: new Map<string, PolicySummary>(),
    };
  }
  const [slo, oncall, runbooks, maturity, policy] = await Promise.all([
    sources.slo?.getSummaries(refs) ?? empty<SloSummary>(),
    sources.oncall?.getSummaries(refs) ?? empty<OnCallSummary>(),
    sources.runbooks?.getSummaries(refs) ?? empty<RunbookSummary>(),
    sources.maturity?.getSummaries(refs) ?? empty<MaturitySummary>(),
    sources.policy?.getSummaries(refs) ?? empty<PolicySummary>(),
  ]);
  return { slo, oncall, runbooks, maturity, policy };
}

/** Areas whose source is not wired into this backend. */
export function unavailableAreas(sources: OverviewSources): OverviewArea[] {
  return (['slo', 'oncall', 'runbooks', 'maturity', 'policy'] as const).filter(
    area => !sources[area],
  );
}
