import { createExtensionPoint } from '@backstage/backend-plugin-api';
import {
  AlertFiring,
  SourceAlert,
} from '@internal/backstage-plugin-reliability-common';

/** A request for the whole alert inventory of a source and its firings within [from, to). @public */
export interface AlertInventoryRequest {
  from: Date;
  to: Date;
  signal?: AbortSignal;
}

/**
 * The alerts of a source and, when the source keeps history, their firings within the requested interval.
 *
 * @public
 */
export interface AlertInventory {
  /** Every alert the source has (firing or not), each with its labels or tags. */
  alerts: SourceAlert[];
  /**
   * Firings within the interval (overlapping it). Omit when the source keeps no history: the suite then records
   * firings itself from the states it reads on each refresh (and `SourceAlert.firingSince`).
   */
  firings?: AlertFiring[];
}

/**
 * A source of alerts and monitors (Prometheus alerting rules, Datadog monitors, ...). Unlike SLI and on-call
 * providers it is not asked per entity: the reliability backend reads a source's whole inventory on its refresh
 * cadence and maps each alert to catalog entities by its labels (the configured mapping label, or an entity's
 * alert-selector annotation). A failed read keeps the last inventory, marked stale.
 *
 * @public
 */
export interface AlertSource {
  /** Stored as each alert's `source`, e.g. `prometheus`. Unique among the registered sources. */
  readonly id: string;
  /** Throws (a ProviderError) when the source fails. */
  getInventory(request: AlertInventoryRequest): Promise<AlertInventory>;
}

/** @public */
export interface ReliabilityAlertSourcesExtensionPoint {
  addAlertSource(...sources: AlertSource[]): void;
}

/**
 * Lets backend modules add alert sources to the reliability backend.
 *
 * @public
 */
export const reliabilityAlertSourcesExtensionPoint =
  createExtensionPoint<ReliabilityAlertSourcesExtensionPoint>({
    id: 'reliability.alert-sources',
  });
