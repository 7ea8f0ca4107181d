import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { Incident } from '@internal/backstage-plugin-reliability-common';

/** A request for the incidents of one entity that started within [from, to). @public */
export interface IncidentsRequest {
  entity: Entity;
  from: Date;
  to: Date;
  signal?: AbortSignal;
}

/**
 * A source of incidents for catalog entities (PagerDuty, Opsgenie, ...). The reliability backend reads each
 * supported entity's incidents on its refresh cadence and stores them, so pages never wait for a vendor.
 *
 * @public
 */
export interface IncidentProvider {
  /** Stored as each incident's `source`, e.g. `pagerduty`. Unique among the registered providers. */
  readonly id: string;
  /** True when the entity carries what this provider needs (e.g. its annotation). */
  supports(entity: Entity): boolean;
  /**
   * The entity's incidents that started within the request's interval, with `source` set to the provider's id.
   * Times are ISO 8601; `url` must be an http(s) link or null. Throws (a ProviderError) when the source fails.
   */
  getIncidents(request: IncidentsRequest): Promise<Incident[]>;
}

/** @public */
export interface ReliabilityIncidentProvidersExtensionPoint {
  addIncidentProvider(...providers: IncidentProvider[]): void;
}

/**
 * Lets backend modules add incident providers to the reliability backend.
 *
 * @public
 */
export const reliabilityIncidentProvidersExtensionPoint =
  createExtensionPoint<ReliabilityIncidentProvidersExtensionPoint>({
    id: 'reliability.incident-providers',
  });
