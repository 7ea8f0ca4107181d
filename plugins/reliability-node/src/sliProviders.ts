import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import {
  SliIndicator,
  SloDefinition,
  SloObjective,
} from '@internal/backstage-plugin-reliability-common';

/** A request for the good/total event counts of one SLI over a half-open interval [from, to). @public */
export interface SliEventCountsRequest {
  entity: Entity;
  slo: SloDefinition;
  indicator: SliIndicator;
  from: Date;
  to: Date;
  signal?: AbortSignal;
  /**
   * The objective being evaluated, when it matters to the provider (threshold SLIs: its op/value;
   * Timeslices: its slice settings). `slo.objectives` then holds only this objective.
   */
  objective?: SloObjective;
}

/**
 * A request for the Timeslices counts of a ratio SLI over [from, to): the interval is cut into slices of
 * `sliceSeconds` aligned on `from` (the last one cut at `to`); a slice is good when its good/total ratio is
 * at least `timeSliceTarget`, or when it saw no traffic.
 *
 * @public
 */
export interface SliTimeslicesRequest extends SliEventCountsRequest {
  sliceSeconds: number;
  timeSliceTarget: number;
}

/** Good slices and all slices of an interval (`totalSlices` includes slices without traffic). @public */
export interface SliTimesliceCounts {
  goodSlices: number;
  totalSlices: number;
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
  /**
   * Optional: counts Timeslices slices natively (e.g. by grouping stored data). Without it the suite
   * asks `getEventCounts` once per slice, and only when the number of slices is small.
   */
  getTimeslices?(request: SliTimeslicesRequest): Promise<SliTimesliceCounts>;
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
