import {
  GroupReliabilitySummary,
  reliabilityStateOf,
  ServiceOverviewRow,
  SloSummary,
} from '@internal/backstage-plugin-reliability-common';
import { rollUpSlos, SloRollUp } from './sloRollUp';

/** What the roll-ups group services by. */
export type RollUpGroupBy = 'team' | 'system';

const ratio = (part: number, whole: number): number | null =>
  whole > 0 ? part / whole : null;

/** Running counts of one group. */
interface GroupCounts {
  serviceCount: number;
  withSlos: number;
  measured: number;
  meeting: number;
  onCall: number;
  scoreSum: number;
  scoreCount: number;
  breachingCount: number;
  worstBudgetRemaining: number | null;
}

/** Largest group first, then by ref (the order of every roll-up answer). */
export function compareGroups(
  a: GroupReliabilitySummary,
  b: GroupReliabilitySummary,
): number {
  return (
    b.serviceCount - a.serviceCount ||
    String(a.entityRef).localeCompare(String(b.entityRef))
  );
}

/**
 * Rolls services up per owner (`team`) or per system one service at a time, keeping only running counts per
 * group (so a walk over the whole catalog holds the groups, never the services): how many have SLOs, meet them,
 * have someone on call now, their mean maturity score, and the lowest error budget remaining of their SLOs and of
 * the group's own SLOs (`groupSlos`: a System's SLOs of its user journeys). Services without an owner/system form
 * one group with a null ref.
 */
export class GroupRollUp {
  private readonly by: RollUpGroupBy;
  private readonly groups = new Map<string | null, GroupCounts>();

  constructor(options: { by: RollUpGroupBy }) {
    this.by = options.by;
  }

  add(service: ServiceOverviewRow): void {
    const key = this.by === 'team' ? service.owner : service.system;
    let counts = this.groups.get(key);
    if (!counts) {
      counts = {
        serviceCount: 0,
        withSlos: 0,
        measured: 0,
        meeting: 0,
        onCall: 0,
        scoreSum: 0,
        scoreCount: 0,
        breachingCount: 0,
        worstBudgetRemaining: null,
      };
      this.groups.set(key, counts);
    }
    counts.serviceCount += 1;
    const slo = service.slo;
    if (slo && slo.sloCount > 0) {
      counts.withSlos += 1;
      if (slo.slosMeetingTarget !== null) {
        counts.measured += 1;
        if (slo.slosMeetingTarget === slo.sloCount) counts.meeting += 1;
      }
    }
    if (service.onCall?.primary) counts.onCall += 1;
    const score = service.maturity?.score;
    if (typeof score === 'number') {
      counts.scoreSum += score;
      counts.scoreCount += 1;
    }
    if (reliabilityStateOf(slo) === 'breaching') counts.breachingCount += 1;
    counts.worstBudgetRemaining = worstBudget(counts.worstBudgetRemaining, slo);
  }

  /** Refs of the groups seen so far (null left out). */
  groupRefs(): string[] {
    return [...this.groups.keys()].filter((ref): ref is string => ref !== null);
  }

  /** The groups, largest first, with the groups' own SLOs rolled into their lowest budget. */
  result(
    groupSlos: Map<string, SloSummary> = new Map(),
  ): GroupReliabilitySummary[] {
    return [...this.groups]
      .map(([entityRef, c]) => ({
        entityRef,
        serviceCount: c.serviceCount,
        withSlos: ratio(c.withSlos, c.serviceCount),
        meetingSlos: ratio(c.meeting, c.measured),
        onCallCoverage: ratio(c.onCall, c.serviceCount),
        averageMaturity: c.scoreCount > 0 ? c.scoreSum / c.scoreCount : null,
        breachingCount: c.breachingCount,
        worstBudgetRemaining: worstBudget(
          c.worstBudgetRemaining,
          entityRef === null ? undefined : groupSlos.get(entityRef),
        ),
      }))
      .sort(compareGroups);
  }
}

/** The lower of a running lowest budget and a summary's (see {@link rollUpSlos}). */
function worstBudget(
  current: number | null,
  slo: SloRollUp | null | undefined,
): number | null {
  return (
    rollUpSlos([
      current === null
        ? undefined
        : {
            sloCount: 0,
            worstBudgetRemaining: current,
            alerting: null,
            stale: false,
          },
      slo,
    ])?.worstBudgetRemaining ?? null
  );
}
