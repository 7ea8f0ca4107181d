import { ExemptionGrant } from '@internal/backstage-plugin-reliability-common';

/** How an exemption is stored; `expired` is derived from the dates (see `exemptionView`). */
export type StoredExemptionStatus =
  | 'pending'
  | 'approved'
  | 'rejected'
  | 'revoked';

/** An exemption as stored (timestamps as ISO strings). */
export interface StoredExemption {
  id: string;
  entityRef: string;
  itemId: string;
  status: StoredExemptionStatus;
  justification: string;
  requestedBy: string;
  requestedAt: string;
  requestedExpiresAt: string;
  expiresAt: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionComment: string | null;
  revokedBy: string | null;
  revokedAt: string | null;
  revokeReason: string | null;
}

/** A new request; auto-approved ones come with their decision. */
export type NewExemption = Pick<
  StoredExemption,
  | 'entityRef'
  | 'itemId'
  | 'status'
  | 'justification'
  | 'requestedBy'
  | 'requestedAt'
  | 'requestedExpiresAt'
  | 'expiresAt'
  | 'decidedBy'
  | 'decidedAt'
>;

/** Which exemptions of every entity to list. */
export type ExemptionFilter = 'pending' | 'active' | 'all';

/**
 * Persistence of checklist exemptions. An exemption is open while pending or approved and not yet ended; there is
 * at most one open exemption per entity and item (a unique key, so concurrent replicas cannot add a second one).
 */
export interface ExemptionStore {
  /**
   * Stores a request (closing exemptions of the same item that have ended by `now` first). Throws a
   * ConflictError when the item already has an open exemption.
   */
  insert(exemption: NewExemption, now: Date): Promise<StoredExemption>;
  /** The open (pending or approved, not ended at `now`) exemption of one item of one entity. */
  getOpen(
    entityRef: string,
    itemId: string,
    now: Date,
  ): Promise<StoredExemption | undefined>;
  /**
   * Records the decision on a pending exemption; undefined when it is no longer pending (decided concurrently).
   * A rejection closes it.
   */
  decide(
    id: string,
    decision: {
      status: 'approved' | 'rejected';
      decidedBy: string;
      decidedAt: Date;
      comment: string | null;
      expiresAt: Date | null;
    },
  ): Promise<StoredExemption | undefined>;
  /**
   * Ends an open exemption at `endsAt` (a pending one at once); undefined when it was closed concurrently.
   */
  revoke(
    id: string,
    revocation: {
      revokedBy: string;
      revokedAt: Date;
      reason: string;
      endsAt: Date;
    },
  ): Promise<StoredExemption | undefined>;
  /** Exemptions of one entity: open ones first, then the rest, newest request first; at most `limit`. */
  listForEntity(entityRef: string, limit: number): Promise<StoredExemption[]>;
  /** Exemptions of every entity (pending, active at `now`, or all), newest request first; at most `limit`. */
  list(
    filter: ExemptionFilter,
    now: Date,
    limit: number,
  ): Promise<StoredExemption[]>;
  /** Approved exemptions active at `now`, by entity and item (of the given entities, or of all). */
  getActiveGrants(
    now: Date,
    entityRefs?: string[],
  ): Promise<Map<string, Record<string, ExemptionGrant>>>;
  /** Closes every open exemption that has ended by `now` and returns those it closed. */
  closeEnded(now: Date): Promise<StoredExemption[]>;
  /**
   * Retention: deletes closed exemptions that ended (were rejected, revoked or expired) before `before`.
   * Returns how many it deleted.
   */
  deleteClosedBefore(before: Date): Promise<number>;
}
