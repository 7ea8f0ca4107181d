import {
  ExemptionStatus,
  MaturityExemption,
} from '@internal/backstage-plugin-reliability-common';
import { StoredExemption } from '../store/ExemptionStore';

/**
 * Status of a stored exemption at `now`: approved ones are `active` until they end, then `expired` (or `revoked`
 * when a revocation ended them); pending ones lapse to `expired` at the expiry they asked for.
 */
export function exemptionStatusAt(
  exemption: StoredExemption,
  now: Date,
): ExemptionStatus {
  const ended = (iso: string | null) =>
    iso === null || Date.parse(iso) <= now.getTime();
  switch (exemption.status) {
    case 'pending':
      return ended(exemption.requestedExpiresAt) ? 'expired' : 'pending';
    case 'approved':
      if (!ended(exemption.expiresAt)) return 'active';
      return exemption.revokedAt ? 'revoked' : 'expired';
    default:
      return exemption.status;
  }
}

/** A stored exemption as the API shows it, with its status at `now`. */
export function exemptionView(
  exemption: StoredExemption,
  now: Date,
): MaturityExemption {
  return { ...exemption, status: exemptionStatusAt(exemption, now) };
}
