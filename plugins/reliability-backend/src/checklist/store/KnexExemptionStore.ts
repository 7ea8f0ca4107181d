import { ConflictError } from '@backstage/errors';
import { ExemptionGrant } from '@internal/backstage-plugin-reliability-common';
import { randomUUID } from 'crypto';
import { Knex } from 'knex';
import { chunk } from '../../shared/chunk';
import { dbIso, dbIsoOrNull } from '../../shared/dbValues';
import {
  ExemptionFilter,
  ExemptionStore,
  NewExemption,
  StoredExemption,
  StoredExemptionStatus,
} from './ExemptionStore';

const EXEMPTIONS = 'checklist_exemptions';
/** Bound on `IN (...)` lists, well below SQLite's and PostgreSQL's parameter limits. */
const BATCH = 500;

type ExemptionRow = {
  id: string;
  entity_ref: string;
  item_id: string;
  status: string;
  open_key: string | null;
  justification: string;
  requested_by: string;
  requested_at: unknown;
  requested_expires_at: unknown;
  expires_at: unknown;
  decided_by: string | null;
  decided_at: unknown;
  decision_comment: string | null;
  revoked_by: string | null;
  revoked_at: unknown;
  revoke_reason: string | null;
};

function toExemption(row: ExemptionRow): StoredExemption {
  return {
    id: row.id,
    entityRef: row.entity_ref,
    itemId: row.item_id,
    status: row.status as StoredExemptionStatus,
    justification: row.justification,
    requestedBy: row.requested_by,
    requestedAt: dbIso(row.requested_at),
    requestedExpiresAt: dbIso(row.requested_expires_at),
    expiresAt: dbIsoOrNull(row.expires_at),
    decidedBy: row.decided_by,
    decidedAt: dbIsoOrNull(row.decided_at),
    decisionComment: row.decision_comment,
    revokedBy: row.revoked_by,
    revokedAt: dbIsoOrNull(row.revoked_at),
    revokeReason: row.revoke_reason,
  };
}

/** The key that keeps one open exemption per entity and item. */
function openKey(entityRef: string, itemId: string): string {
  return `${entityRef}|${itemId}`;
}

/** Whether an insert failed on a unique index (PostgreSQL and SQLite). */
function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return (
    e?.code === '23505' ||
    e?.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    /UNIQUE constraint failed/.test(String(e?.message))
  );
}

/** The checklist's exemptions on the plugin's Knex database (SQLite or PostgreSQL). */
export class KnexExemptionStore implements ExemptionStore {
  private readonly knex: Knex;

  constructor(options: { knex: Knex }) {
    this.knex = options.knex;
  }

  /** Open rows (pending or approved, key still set) that have ended by `now`. */
  private endedOpen(db: Knex | Knex.Transaction, now: Date) {
    return db<ExemptionRow>(EXEMPTIONS)
      .whereNotNull('open_key')
      .where(q =>
        q
          .where(p =>
            p
              .where('status', 'pending')
              .where('requested_expires_at', '<=', now),
          )
          .orWhere(a =>
            a.where('status', 'approved').where('expires_at', '<=', now),
          ),
      );
  }

  private async byId(
    db: Knex | Knex.Transaction,
    id: string,
  ): Promise<StoredExemption | undefined> {
    const row = await db<ExemptionRow>(EXEMPTIONS).where({ id }).first();
    return row ? toExemption(row) : undefined;
  }

  async insert(exemption: NewExemption, now: Date): Promise<StoredExemption> {
    const key = openKey(exemption.entityRef, exemption.itemId);
    const row: ExemptionRow = {
      id: randomUUID(),
      entity_ref: exemption.entityRef,
      item_id: exemption.itemId,
      status: exemption.status,
      open_key:
        exemption.status === 'pending' || exemption.status === 'approved'
          ? key
          : null,
      justification: exemption.justification,
      requested_by: exemption.requestedBy,
      requested_at: new Date(exemption.requestedAt),
      requested_expires_at: new Date(exemption.requestedExpiresAt),
      expires_at: exemption.expiresAt ? new Date(exemption.expiresAt) : null,
      decided_by: exemption.decidedBy,
      decided_at: exemption.decidedAt ? new Date(exemption.decidedAt) : null,
      decision_comment: null,
      revoked_by: null,
      revoked_at: null,
      revoke_reason: null,
    };
    try {
      return await this.knex.transaction(async tx => {
        await this.endedOpen(tx, now)
          .where('open_key', key)
          .update({ open_key: null });
        const open = await tx(EXEMPTIONS).where('open_key', key).first('id');
        if (open) {
          throw new ConflictError(
            `Item '${exemption.itemId}' of ${exemption.entityRef} already has a pending or active exemption`,
          );
        }
        await tx(EXEMPTIONS).insert(row);
        return toExemption(row);
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ConflictError(
          `Item '${exemption.itemId}' of ${exemption.entityRef} already has a pending or active exemption`,
        );
      }
      throw error;
    }
  }

  async getOpen(
    entityRef: string,
    itemId: string,
    now: Date,
  ): Promise<StoredExemption | undefined> {
    const row = await this.knex<ExemptionRow>(EXEMPTIONS)
      .where('open_key', openKey(entityRef, itemId))
      .where(q =>
        q
          .where(p =>
            p
              .where('status', 'pending')
              .where('requested_expires_at', '>', now),
          )
          .orWhere(a =>
            a.where('status', 'approved').where('expires_at', '>', now),
          ),
      )
      .first();
    return row ? toExemption(row) : undefined;
  }

  async decide(
    id: string,
    decision: {
      status: 'approved' | 'rejected';
      decidedBy: string;
      decidedAt: Date;
      comment: string | null;
      expiresAt: Date | null;
    },
  ): Promise<StoredExemption | undefined> {
    return this.knex.transaction(async tx => {
      const updated = await tx(EXEMPTIONS)
        .where({ id, status: 'pending' })
        .whereNotNull('open_key')
        .where('requested_expires_at', '>', decision.decidedAt)
        .update({
          status: decision.status,
          decided_by: decision.decidedBy,
          decided_at: decision.decidedAt,
          decision_comment: decision.comment,
          expires_at: decision.expiresAt,
          ...(decision.status === 'rejected' ? { open_key: null } : {}),
        });
      return updated === 1 ? this.byId(tx, id) : undefined;
    });
  }

  async revoke(
    id: string,
    revocation: {
      revokedBy: string;
      revokedAt: Date;
      reason: string;
      endsAt: Date;
    },
  ): Promise<StoredExemption | undefined> {
    const { revokedBy, revokedAt, reason, endsAt } = revocation;
    return this.knex.transaction(async tx => {
      const current = await this.byId(tx, id);
      if (!current) return undefined;
      const common = {
        revoked_by: revokedBy,
        revoked_at: revokedAt,
        revoke_reason: reason,
      };
      const changes =
        current.status === 'pending'
          ? { ...common, status: 'revoked', open_key: null }
          : {
              ...common,
              expires_at: endsAt,
              ...(endsAt.getTime() <= revokedAt.getTime()
                ? { open_key: null }
                : {}),
            };
      const updated = await tx(EXEMPTIONS)
        .where({ id, status: current.status })
        .whereNotNull('open_key')
        .whereNull('revoked_at')
        .update(changes);
      return updated === 1 ? this.byId(tx, id) : undefined;
    });
  }

  async listForEntity(
    entityRef: string,
    limit: number,
  ): Promise<StoredExemption[]> {
    const rows: ExemptionRow[] = await this.knex(EXEMPTIONS)
      .where('entity_ref', entityRef)
      .orderByRaw('CASE WHEN open_key IS NULL THEN 1 ELSE 0 END')
      .orderBy([
        { column: 'requested_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(limit)
      .select('*');
    return rows.map(toExemption);
  }

  async list(
    filter: ExemptionFilter,
    now: Date,
    limit: number,
  ): Promise<StoredExemption[]> {
    const query = this.knex<ExemptionRow>(EXEMPTIONS);
    if (filter === 'pending') {
      query.where('status', 'pending').where('requested_expires_at', '>', now);
    } else if (filter === 'active') {
      query.where('status', 'approved').where('expires_at', '>', now);
    }
    const rows: ExemptionRow[] = await query
      .orderBy([
        { column: 'requested_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(limit)
      .select('*');
    return rows.map(toExemption);
  }

  async getActiveGrants(
    now: Date,
    entityRefs?: string[],
  ): Promise<Map<string, Record<string, ExemptionGrant>>> {
    const result = new Map<string, Record<string, ExemptionGrant>>();
    const batches = entityRefs
      ? chunk([...new Set(entityRefs)], BATCH)
      : [undefined];
    for (const refs of batches) {
      const query = this.knex<ExemptionRow>(EXEMPTIONS)
        .where('status', 'approved')
        .where('expires_at', '>', now)
        .select('entity_ref', 'item_id', 'expires_at', 'decided_by');
      if (refs) query.whereIn('entity_ref', refs);
      for (const row of (await query) as ExemptionRow[]) {
        const grants = result.get(row.entity_ref) ?? {};
        grants[row.item_id] = {
          expiresAt: dbIso(row.expires_at),
          grantedBy: row.decided_by ?? 'unknown',
        };
        result.set(row.entity_ref, grants);
      }
    }
    return result;
  }

  async closeEnded(now: Date): Promise<StoredExemption[]> {
    return this.knex.transaction(async tx => {
      const rows: ExemptionRow[] = await this.endedOpen(tx, now).select('*');
      for (const ids of chunk(
        rows.map(r => r.id),
        BATCH,
      )) {
        await tx(EXEMPTIONS)
          .whereIn('id', ids)
          .whereNotNull('open_key')
          .update({ open_key: null });
      }
      return rows.map(toExemption);
    });
  }

  async deleteClosedBefore(before: Date): Promise<number> {
    return this.knex(EXEMPTIONS)
      .whereNull('open_key')
      .where(q =>
        q
          .where(r =>
            r.where('status', 'rejected').where('decided_at', '<', before),
          )
          .orWhere(r =>
            r.where('status', 'revoked').where('revoked_at', '<', before),
          )
          .orWhere(r =>
            r.where('status', 'approved').where('expires_at', '<', before),
          )
          .orWhere(r =>
            r
              .where('status', 'pending')
              .where('requested_expires_at', '<', before),
          ),
      )
      .delete();
  }
}
