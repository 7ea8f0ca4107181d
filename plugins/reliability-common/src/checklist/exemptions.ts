/**
 * Exemptions: an owner asks that one checklist item of one entity count neither as passed nor as failed until a
 * date, with a justification; a reliability admin approves or rejects (or the config approves some items
 * automatically) and may revoke. See docs/data-model.md (Exemptions).
 */

/**
 * Where an exemption stands:
 * `pending` (requested, not decided), `active` (approved, not yet ended), `expired` (its expiry passed, or it
 * was still pending at its expiry), `rejected`, `revoked` (ended early by an admin).
 *
 * @public
 */
export type ExemptionStatus =
  | 'pending'
  | 'active'
  | 'expired'
  | 'rejected'
  | 'revoked';

/** What scoring needs of an approved exemption. @public */
export interface ExemptionGrant {
  /** ISO timestamp at which the exemption ends and the item counts again. */
  expiresAt: string;
  /** Who approved it: a user entity ref, or `auto-approval` for items the config approves automatically. */
  grantedBy: string;
}

/** Who approves exemptions of items listed in `reliability.checklist.exemptions.autoApprove`. @public */
export const EXEMPTION_AUTO_APPROVER = 'auto-approval';

/** One exemption of one checklist item of one entity. @public */
export interface MaturityExemption {
  id: string;
  entityRef: string;
  itemId: string;
  status: ExemptionStatus;
  justification: string;
  requestedBy: string;
  requestedAt: string;
  /** Expiry asked for by the requester. */
  requestedExpiresAt: string;
  /**
   * When the exemption ends (or ended): the approved expiry, shortened by a revocation. Null while pending and
   * for rejected requests.
   */
  expiresAt: string | null;
  /** Who approved or rejected it (user entity ref, or `auto-approval`), and when. */
  decidedBy: string | null;
  decidedAt: string | null;
  decisionComment: string | null;
  revokedBy: string | null;
  revokedAt: string | null;
  revokeReason: string | null;
}

/** Body of `POST /entities/:kind/:namespace/:name/maturity/exemptions`. @public */
export interface RequestExemptionRequest {
  itemId: string;
  /** Why the item should not count for now (required, non-blank). */
  justification: string;
  /**
   * ISO date (valid through that day, UTC) or timestamp; in the future and at most
   * `reliability.checklist.exemptions.maxDuration` (default 180 days) ahead.
   */
  expiresAt: string;
}

/** Body of `POST .../maturity/exemptions/:itemId/decision` (reliability admins). @public */
export interface DecideExemptionRequest {
  decision: 'approve' | 'reject';
  comment?: string;
  /** On approval: an earlier expiry than the one requested (never a later one). */
  expiresAt?: string;
}

/** Body of `DELETE .../maturity/exemptions/:itemId` (reliability admins): ends the open exemption of an item. @public */
export interface RevokeExemptionRequest {
  reason: string;
  /** When the exemption ends: now (the default) or a later time before its expiry, giving the owners notice. */
  endsAt?: string;
}

/** Response of `GET /entities/:kind/:namespace/:name/maturity/exemptions`. @public */
export interface EntityExemptionsResponse {
  entityRef: string;
  /** Open ones (pending, active) first, then the history, newest first. */
  exemptions: MaturityExemption[];
  /** Whether the caller may request exemptions for this entity (its owners, or reliability admins). */
  canRequest: boolean;
  /** Whether the caller may approve, reject and revoke (reliability admins). */
  canDecide: boolean;
  /** Longest exemption that may be requested, in days. */
  maxDurationDays: number;
  /** Items whose exemptions are approved as soon as they are requested. */
  autoApprovedItems: string[];
}

/** Response of `GET /exemptions`: exemptions across the entities the caller can see. @public */
export interface ExemptionsListResponse {
  exemptions: MaturityExemption[];
  canDecide: boolean;
}
