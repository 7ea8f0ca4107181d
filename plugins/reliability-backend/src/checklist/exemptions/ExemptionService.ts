import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  Checklist,
  DecideExemptionRequest,
  entityRefKey,
  EXEMPTION_AUTO_APPROVER,
  MaturityExemption,
  RequestExemptionRequest,
  RevokeExemptionRequest,
} from '@internal/backstage-plugin-reliability-common';
import { durationToMilliseconds } from '@backstage/types';
import { chunk } from '../../shared/chunk';
import { ExemptionsConfig } from '../config';
import { ExemptionListener } from '../listener';
import { ExemptionFilter, ExemptionStore } from '../store/ExemptionStore';
import { endOf, requestedExpiry } from './exemptionExpiry';
import { exemptionView } from './exemptionView';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Options of {@link ExemptionService}. */
export interface ExemptionServiceOptions {
  store: ExemptionStore;
  checklist: Checklist;
  config: ExemptionsConfig;
  /** Re-evaluates entities, so a decision shows in summaries and roll-ups at once. */
  maturity: { refresh(entityRefs: string[]): Promise<number> };
  catalog: CatalogService;
  now: () => Date;
  /** Told about decisions and expiries; failures are the listener's to handle. */
  listener?: ExemptionListener;
}

/**
 * Exemptions of single checklist items: owners request them, reliability admins decide (or the config approves
 * some items automatically) and revoke; the refresher closes the ones that ended and applies their retention.
 * Who may do what is the router's job; this service checks what is being asked.
 */
export class ExemptionService {
  private readonly options: ExemptionServiceOptions;

  constructor(options: ExemptionServiceOptions) {
    this.options = options;
  }

  /** Longest exemption that may be requested, in days. */
  get maxDurationDays(): number {
    return Math.round(this.maxDurationMs / DAY_MS);
  }

  /** Items approved as soon as they are requested. */
  get autoApprovedItems(): string[] {
    return [...this.options.config.autoApprove];
  }

  private get maxDurationMs(): number {
    return durationToMilliseconds(this.options.config.maxDuration);
  }

  async listForEntity(
    entityRef: string,
    limit: number,
  ): Promise<MaturityExemption[]> {
    const now = this.options.now();
    const stored = await this.options.store.listForEntity(entityRef, limit);
    return stored.map(e => exemptionView(e, now));
  }

  /** Exemptions of every entity the caller can see in the catalog (pending, active or all), newest first. */
  async list(
    filter: ExemptionFilter,
    limit: number,
    credentials: BackstageCredentials,
  ): Promise<MaturityExemption[]> {
    const now = this.options.now();
    const stored = await this.options.store.list(filter, now, limit);
    const refs = [...new Set(stored.map(e => e.entityRef))];
    const visible = new Set<string>();
    for (const batch of chunk(refs, 200)) {
      const { items } = await this.options.catalog.getEntitiesByRefs(
        {
          entityRefs: batch,
          fields: ['kind', 'metadata.namespace', 'metadata.name'],
        },
        { credentials },
      );
      for (const entity of items) {
        if (entity) visible.add(entityRefKey(entity));
      }
    }
    return stored
      .filter(e => visible.has(e.entityRef))
      .map(e => exemptionView(e, now));
  }

  async request(options: {
    entityRef: string;
    request: RequestExemptionRequest;
    requestedBy: string;
  }): Promise<MaturityExemption> {
    const { entityRef, request, requestedBy } = options;
    const { store, checklist, config } = this.options;
    if (!checklist.items.some(i => i.id === request.itemId)) {
      throw new InputError(
        `Invalid exemption: unknown checklist item '${request.itemId}'`,
      );
    }
    const justification = request.justification.trim();
    if (!justification) {
      throw new InputError(
        'Invalid exemption: justification must say why the item should not count for now',
      );
    }
    const now = this.options.now();
    const expiresAt = requestedExpiry(
      request.expiresAt,
      now,
      this.maxDurationMs,
    ).toISOString();
    const autoApproved = config.autoApprove.includes(request.itemId);
    const stored = await store.insert(
      {
        entityRef,
        itemId: request.itemId,
        status: autoApproved ? 'approved' : 'pending',
        justification,
        requestedBy,
        requestedAt: now.toISOString(),
        requestedExpiresAt: expiresAt,
        expiresAt: autoApproved ? expiresAt : null,
        decidedBy: autoApproved ? EXEMPTION_AUTO_APPROVER : null,
        decidedAt: autoApproved ? now.toISOString() : null,
      },
      now,
    );
    const view = exemptionView(stored, now);
    if (autoApproved) {
      await this.options.maturity.refresh([entityRef]);
      await this.options.listener?.exemptionDecided(view);
    }
    return view;
  }

  async decide(options: {
    entityRef: string;
    itemId: string;
    request: DecideExemptionRequest;
    decidedBy: string;
  }): Promise<MaturityExemption> {
    const { entityRef, itemId, request, decidedBy } = options;
    const { store } = this.options;
    const now = this.options.now();
    const open = await store.getOpen(entityRef, itemId, now);
    if (!open) {
      throw new NotFoundError(
        `No pending exemption of item '${itemId}' for ${entityRef}`,
      );
    }
    if (open.status !== 'pending') {
      throw new ConflictError(
        `The exemption of item '${itemId}' for ${entityRef} was already ${open.status} by ${open.decidedBy}`,
      );
    }
    let expiresAt: Date | null = null;
    if (request.decision === 'approve') {
      const requested = new Date(open.requestedExpiresAt);
      expiresAt = requested;
      if (request.expiresAt !== undefined) {
        const shorter = endOf(request.expiresAt);
        if (shorter.getTime() <= now.getTime()) {
          throw new InputError('Invalid decision: expiresAt is in the past');
        }
        if (shorter.getTime() > requested.getTime()) {
          throw new InputError(
            `Invalid decision: expiresAt may only shorten the requested expiry (${open.requestedExpiresAt})`,
          );
        }
        expiresAt = shorter;
      }
    } else if (request.expiresAt !== undefined) {
      throw new InputError(
        'Invalid decision: expiresAt applies to approvals only',
      );
    }
    const decided = await store.decide(open.id, {
      status: request.decision === 'approve' ? 'approved' : 'rejected',
      decidedBy,
      decidedAt: now,
      comment: request.comment?.trim() || null,
      expiresAt,
    });
    if (!decided) {
      throw new ConflictError(
        `The exemption of item '${itemId}' for ${entityRef} was decided or withdrawn meanwhile; reload`,
      );
    }
    if (decided.status === 'approved') {
      await this.options.maturity.refresh([entityRef]);
    }
    const view = exemptionView(decided, now);
    await this.options.listener?.exemptionDecided(view);
    return view;
  }

  async revoke(options: {
    entityRef: string;
    itemId: string;
    request: RevokeExemptionRequest;
    revokedBy: string;
  }): Promise<MaturityExemption> {
    const { entityRef, itemId, request, revokedBy } = options;
    const { store } = this.options;
    const now = this.options.now();
    const reason = request.reason.trim();
    if (!reason) {
      throw new InputError('Invalid revocation: reason must not be blank');
    }
    const open = await store.getOpen(entityRef, itemId, now);
    if (!open) {
      throw new NotFoundError(
        `No pending or active exemption of item '${itemId}' for ${entityRef}`,
      );
    }
    let endsAt = now;
    if (request.endsAt !== undefined) {
      if (open.status === 'pending') {
        throw new InputError(
          'Invalid revocation: a pending request is withdrawn at once (no endsAt)',
        );
      }
      endsAt = endOf(request.endsAt);
      if (endsAt.getTime() < now.getTime()) {
        throw new InputError('Invalid revocation: endsAt is in the past');
      }
      if (endsAt.getTime() >= Date.parse(open.expiresAt!)) {
        throw new InputError(
          `Invalid revocation: endsAt must be before the exemption's expiry (${open.expiresAt})`,
        );
      }
    }
    const revoked = await store.revoke(open.id, {
      revokedBy,
      revokedAt: now,
      reason,
      endsAt,
    });
    if (!revoked) {
      throw new ConflictError(
        `The exemption of item '${itemId}' for ${entityRef} changed meanwhile; reload`,
      );
    }
    if (open.status === 'approved') {
      await this.options.maturity.refresh([entityRef]);
    }
    return exemptionView(revoked, now);
  }

  /**
   * The refresher's part: closes the exemptions that ended (telling the listener about approved ones that
   * expired by themselves) and deletes closed ones older than the history period. Returns how many it closed.
   */
  async closeEndedAndApplyRetention(): Promise<{
    closed: number;
    deleted: number;
  }> {
    const { store, config } = this.options;
    const now = this.options.now();
    const closed = await store.closeEnded(now);
    const expired = closed
      .map(e => exemptionView(e, now))
      .filter(e => e.status === 'expired' && e.decidedAt !== null);
    if (expired.length > 0) {
      await this.options.listener?.exemptionsExpired(expired);
    }
    const deleted = await store.deleteClosedBefore(
      new Date(now.getTime() - config.historyDays * DAY_MS),
    );
    return { closed: closed.length, deleted };
  }
}
