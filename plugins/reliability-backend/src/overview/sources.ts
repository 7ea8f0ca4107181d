import {
  MaturitySummary,
  OnCallSummary,
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
}

/** Reads every available summary for a batch of entity refs: one getSummaries call per source, in parallel. */
export async function loadSummaries(
  sources: OverviewSources,
  entityRefs: string[],
) {
  const empty = <T>() => Promise.resolve(new Map<string, T>());
  const refs = [...new Set(entityRefs)];
  if (refs.length === 0) {
    return {
      slo: new Map<string, SloSummary>(),
      oncall: new Map<string, OnCallSummary>(),
      runbooks: new Map<string, RunbookSummary>(),
      maturity: new Map<string, MaturitySummary>(),
    };
  }
  const [slo, oncall, runbooks, maturity] = await Promise.all([
    sources.slo?.getSummaries(refs) ?? empty<SloSummary>(),
    sources.oncall?.getSummaries(refs) ?? empty<OnCallSummary>(),
    sources.runbooks?.getSummaries(refs) ?? empty<RunbookSummary>(),
    sources.maturity?.getSummaries(refs) ?? empty<MaturitySummary>(),
  ]);
  return { slo, oncall, runbooks, maturity };
}

/** Loaded summaries of a batch of entities. */
export type LoadedSummaries = Awaited<ReturnType<typeof loadSummaries>>;

/** Areas whose source is not wired into this backend. */
export function unavailableAreas(
  sources: OverviewSources,
): Array<'slo' | 'oncall' | 'runbooks' | 'maturity'> {
  return (['slo', 'oncall', 'runbooks', 'maturity'] as const).filter(
    area => !sources[area],
  );
}
