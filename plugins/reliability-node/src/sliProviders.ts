import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import {
  SliIndicator,
  SloDefinition,
} from '@internal/backstage-plugin-reliability-common';

/** A request for the good/total event counts of one SLI over a half-open interval [from, to). @public */
export interface SliEventCountsRequest {
  entity: Entity;
  slo: SloDefinition;
  indicator: SliIndicator;
  from: Date;
  to: Date;
  signal?: AbortSignal;
}

/** Event counts of an SLI over an interval. `total` 0 means no traffic (not an outage). @public */
export interface SliEventCounts {
  good: number;
  total: number;
}

/**
 * A source of SLI data. The suite picks the provider whose `type` equals the SLI's
 * `metricSource.type` (compared case-insensitively).
 *
 * @public
 */
export interface SliProvider {
  readonly type: string;
  getEventCounts(request: SliEventCountsRequest): Promise<SliEventCounts>;
}

/** @public */
export interface ReliabilitySliProvidersExtensionPoint {
  addSliProvider(...providers: SliProvider[]): void;
}

/**
 * Lets backend modules add SLI providers (Prometheus, Datadog, ...) to the reliability backend.
 *
 * @public
 */
export const reliabilitySliProvidersExtensionPoint =
  createExtensionPoint<ReliabilitySliProvidersExtensionPoint>({
    id: 'reliability.sli-providers',
  });
