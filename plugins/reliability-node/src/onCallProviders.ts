import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { OnCallSnapshot } from '@internal/backstage-plugin-reliability-common';

/** @public */
export interface OnCallRequest {
  entity: Entity;
  /** The instant "now" refers to; providers compute current and next shifts relative to it. */
  at: Date;
  /** How far ahead upcoming shifts are wanted. */
  horizonDays: number;
  signal?: AbortSignal;
}

/**
 * A source of on-call data for catalog entities (built-in schedules as code, PagerDuty, Opsgenie, ...).
 *
 * @public
 */
export interface OnCallProvider {
  readonly id: string;
  /** True when the entity carries what this provider needs (e.g. its annotation). */
  supports(entity: Entity): boolean;
  getOnCall(request: OnCallRequest): Promise<OnCallSnapshot>;
}

/** @public */
export interface ReliabilityOnCallProvidersExtensionPoint {
  addOnCallProvider(...providers: OnCallProvider[]): void;
}

/**
 * Lets backend modules add on-call providers to the reliability backend.
 *
 * @public
 */
export const reliabilityOnCallProvidersExtensionPoint =
  createExtensionPoint<ReliabilityOnCallProvidersExtensionPoint>({
    id: 'reliability.oncall-providers',
  });
