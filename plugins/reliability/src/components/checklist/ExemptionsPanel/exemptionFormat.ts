import {
  ExemptionStatus,
  MaturityExemption,
} from '@internal/backstage-plugin-reliability-common';

/** Human label of an exemption's status. */
export const EXEMPTION_STATUS_LABELS: Record<ExemptionStatus, string> = {
  pending: 'Awaiting decision',
  active: 'Active',
  expired: 'Expired',
  rejected: 'Rejected',
  revoked: 'Revoked',
};

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '—');

/** One line on who did what to an exemption, and when it ends. */
export function exemptionSummary(exemption: MaturityExemption): string {
  switch (exemption.status) {
    case 'pending':
      return `Requested by ${exemption.requestedBy} on ${day(
        exemption.requestedAt,
      )}, until ${day(exemption.requestedExpiresAt)}`;
    case 'active':
      return `Granted by ${exemption.decidedBy} until ${day(
        exemption.expiresAt,
      )}${
        exemption.revokedBy
          ? ` (revoked by ${exemption.revokedBy}: ends early)`
          : ''
      }`;
    case 'rejected':
      return `Rejected by ${exemption.decidedBy} on ${day(
        exemption.decidedAt,
      )}`;
    case 'revoked':
      return `Revoked by ${exemption.revokedBy} on ${day(exemption.revokedAt)}`;
    default:
      return exemption.decidedAt
        ? `Granted by ${exemption.decidedBy}, expired on ${day(
            exemption.expiresAt,
          )}`
        : `Not decided before ${day(exemption.requestedExpiresAt)}`;
  }
}

/** `YYYY-MM-DD` of `date` plus `days` (UTC). */
export function isoDay(date: Date, days = 0): string {
  return new Date(date.getTime() + days * 24 * 60 * 60 * 1000)
    .toISOString()
    .slice(0, 10);
}
