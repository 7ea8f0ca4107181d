import {
  GroupReliabilitySummary,
  reliabilityStateOf,
  ServiceOverviewRow,
  SloSummary,
} from '@internal/backstage-plugin-reliability-common';
import { rollUpSlos } from './sloRollUp';

const ratio = (part: number, whole: number): number | null =>
  whole > 0 ? part / whole : null;

/**
 * Rolls services up per owner (`team`) or per system: how many have SLOs, meet them, have someone on call now,
 * their mean maturity score, and the lowest error budget remaining of their SLOs and of the group's own SLOs
 * (`groupSlos`: a System's SLOs of its user journeys). Groups are sorted by size, largest first; services
 * without an owner/system form one group with a null ref.
 */
export function rollUpServices(
  services: ServiceOverviewRow[],
  by: 'team' | 'system',
  groupSlos: Map<string, SloSummary> = new Map(),
): GroupReliabilitySummary[] {
  const groups = new Map<string | null, ServiceOverviewRow[]>();
  for (const service of services) {
    const key = by === 'team' ? service.owner : service.system;
    const members = groups.get(key);
    if (members) {
      members.push(service);
    } else {
      groups.set(key, [service]);
    }
  }
  return [...groups]
    .map(([entityRef, members]) => {
      const withSlos = members.filter(s => (s.slo?.sloCount ?? 0) > 0);
      const measured = withSlos.filter(s => s.slo?.slosMeetingTarget !== null);
      const meeting = measured.filter(
        s => s.slo!.slosMeetingTarget === s.slo!.sloCount,
      );
      const scores = members
        .map(s => s.maturity?.score)
        .filter((score): score is number => typeof score === 'number');
      return {
        entityRef,
        serviceCount: members.length,
        withSlos: ratio(withSlos.length, members.length),
        meetingSlos: ratio(meeting.length, measured.length),
        onCallCoverage: ratio(
          members.filter(s => s.onCall?.primary).length,
          members.length,
        ),
        averageMaturity:
          scores.length > 0
            ? scores.reduce((a, b) => a + b, 0) / scores.length
            : null,
        breachingCount: members.filter(
          s => reliabilityStateOf(s.slo) === 'breaching',
        ).length,
        worstBudgetRemaining:
          rollUpSlos([
            entityRef === null ? undefined : groupSlos.get(entityRef),
            ...members.map(s => s.slo),
          ])?.worstBudgetRemaining ?? null,
      };
    })
    .sort(
      (a, b) =>
        b.serviceCount - a.serviceCount ||
        String(a.entityRef).localeCompare(String(b.entityRef)),
    );
}
