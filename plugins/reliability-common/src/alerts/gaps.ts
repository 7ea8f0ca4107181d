import { AlertGap } from './types';

/** True for the most critical tier (`tier-1`, also written `Tier 1` or `tier1`). @public */
export function isTierOne(tier: string | null | undefined): boolean {
  return /^tier[\s_-]?1$/i.test((tier ?? '').trim());
}

/** What the gap rule of a service reads. @public */
export interface ServiceGapInput {
  entityRef: string;
  tier: string | null;
  /** Valid SLO definitions of the service. */
  sloCount: number;
  /** Its alerts (from every source) that page a person. */
  pagingAlerts: number;
}

/** What the gap rule of a Resource reads. @public */
export interface ResourceGapInput {
  entityRef: string;
  /** Its alerts and monitors, paging or not. */
  alerts: number;
  /** The entities that depend on it (`dependencyOf`), with their tiers. */
  dependents: ReadonlyArray<{ entityRef: string; tier: string | null }>;
}

/**
 * A tier-1 service that has SLOs but no alert that pages anyone: its SLOs are measured, yet nobody is woken
 * when they burn. Null otherwise.
 *
 * @public
 */
export function serviceAlertGap(service: ServiceGapInput): AlertGap | null {
  if (!isTierOne(service.tier) || service.sloCount === 0) return null;
  if (service.pagingAlerts > 0) return null;
  return {
    kind: 'no-paging-alert',
    entityRef: service.entityRef,
    message: 'Tier-1 service with SLOs but no paging alert',
  };
}

/**
 * A Resource (database, queue, cache, ...) that tier-1 services depend on and that has no monitor at all: its
 * failure would be noticed only through the services on top of it. Null otherwise.
 *
 * @public
 */
export function resourceAlertGap(resource: ResourceGapInput): AlertGap | null {
  if (resource.alerts > 0) return null;
  const dependents = resource.dependents
    .filter(d => isTierOne(d.tier))
    .map(d => d.entityRef)
    .sort();
  if (dependents.length === 0) return null;
  return {
    kind: 'unmonitored-resource',
    entityRef: resource.entityRef,
    message: `No monitor, yet ${dependents.length} tier-1 ${
      dependents.length === 1 ? 'service depends' : 'services depend'
    } on it`,
    dependents,
  };
}

/** The alerts no catalog entity owns, as gaps of the organisation. @public */
export function unownedAlertGaps(
  alerts: ReadonlyArray<{ source: string; id: string; name: string }>,
): AlertGap[] {
  return alerts.map(alert => ({
    kind: 'unowned-alert' as const,
    entityRef: null,
    message: `No catalog entity owns the ${alert.source} alert '${alert.name}'`,
    alert: { source: alert.source, id: alert.id, name: alert.name },
  }));
}
