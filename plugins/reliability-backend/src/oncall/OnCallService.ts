import {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  EntityOnCall,
  entityRefKey,
  GroupOnCall,
  OnCallPerson,
} from '@internal/backstage-plugin-reliability-common';
import {
  OnCallProvider,
  ProviderBudgetTally,
} from '@internal/backstage-plugin-reliability-node';
import { ProviderFailureLog } from '../shared/providerFailures';
import { ownerRefOf } from '../shared/relationRef';
import { buildGroupOnCall } from './buildGroupOnCall';
import {
  callOnCallProvider,
  messageOf,
  OnCallAnswer,
} from './callOnCallProvider';
import {
  answeredState,
  LastKnownOnCall,
  lastKnownOfRow,
  lastKnownOfState,
  unservedState,
} from './entityOnCallState';
import { ownedEntities } from './ownedEntities';
import { PeopleResolver } from './PeopleResolver';
import {
  RefreshCall,
  RefreshFetch,
  refreshOf,
  SettledRefresh,
} from './refreshFetch';
import { OnCallStore } from './store/OnCallStore';

export interface OnCallServiceOptions {
  /** In order of preference: the first provider that supports an entity serves it. */
  providers: readonly OnCallProvider[];
  store: OnCallStore;
  /** Read with the caller's credentials (the team view's owned entities). */
  catalog: CatalogService;
  people: PeopleResolver;
  logger: LoggerService;
  now: () => Date;
  /** How long a result (success or failure) is served from memory. */
  cacheTtlMs: number;
  /** How far ahead upcoming shifts are fetched. */
  horizonDays: number;
  /** Time limit of one provider call. */
  timeoutMs: number;
  /** The team view fetches an entity again when its materialised state is older than this. */
  groupViewMaxAgeMs: number;
}

/**
 * On-call state of entities: picks the provider that supports the entity, caches results briefly,
 * and turns provider failures into a degraded state carrying the last known snapshot — never into
 * an empty "nobody is on call".
 */
export class OnCallService {
  private readonly cache = new Map<
    string,
    { expiresAt: number; value: EntityOnCall }
  >();
  private readonly inFlight = new Map<string, Promise<EntityOnCall>>();
  /** Provider calls of the refresher, until their page is settled: requests use them instead of calling again. */
  private readonly refreshing = new Map<string, Promise<RefreshCall>>();

  private readonly failures: ProviderFailureLog;

  constructor(private readonly options: OnCallServiceOptions) {
    this.failures = new ProviderFailureLog(options.logger);
  }

  /** Links people to catalog users (display name, ref, email), e.g. those of stored shifts. */
  resolvePeople(people: OnCallPerson[]): Promise<OnCallPerson[]> {
    return this.options.people.resolvePeople(people);
  }

  /**
   * The on-call view of a team over the entities it owns (read with the caller's credentials): who is on call
   * now, the load per person over the last 90 days, single-person rotations.
   */
  async groupOnCall(
    groupRef: string,
    credentials: BackstageCredentials,
  ): Promise<GroupOnCall> {
    const entities = await ownedEntities(
      this.options.catalog,
      groupRef,
      credentials,
    );
    return buildGroupOnCall({
      groupRef,
      entities,
      service: this,
      store: this.options.store,
      now: this.options.now(),
      maxAgeMs: this.options.groupViewMaxAgeMs,
    });
  }

  providerFor(entity: Entity): OnCallProvider | undefined {
    return this.options.providers.find(provider => {
      try {
        return provider.supports(entity);
      } catch {
        return false;
      }
    });
  }

  /**
   * On-call state of an entity, from the cache when fresh unless `refresh` is set; else fetched and stored at
   * once (the refresher uses `fetchForRefresh` and stores a page at a time).
   */
  async getEntityOnCall(
    entity: Entity,
    options: { refresh?: boolean } = {},
  ): Promise<EntityOnCall> {
    const entityRef = entityRefKey(entity);
    const owner = ownerRefOf(entity);
    const provider = this.providerFor(entity);
    if (!provider) return unservedState(entity);
    const now = this.options.now().getTime();
    const cached = this.cache.get(entityRef);
    if (!options.refresh && cached && cached.expiresAt > now) {
      return cached.value;
    }
    const pending = this.inFlight.get(entityRef);
    if (pending) return pending;

    const promise = this.fetch(entity, entityRef, owner, provider).finally(() =>
      this.inFlight.delete(entityRef),
    );
    this.inFlight.set(entityRef, promise);
    const value = await promise;
    this.remember(
      entityRef,
      value,
      this.options.now().getTime() + this.options.cacheTtlMs,
    );
    this.evictExpired();
    return value;
  }

  /**
   * Fetches on request: one provider call, stored at once as a refresh of one entity; or the refresher's call
   * under way, which the refresher stores and reports.
   */
  private async fetch(
    entity: Entity,
    entityRef: string,
    owner: string | undefined,
    provider: OnCallProvider,
  ): Promise<EntityOnCall> {
    const refreshing = this.refreshing.get(entityRef);
    const at = this.options.now();
    const call = refreshing
      ? await refreshing
      : {
          entityRef,
          owner,
          providerId: provider.id,
          at,
          answer: await this.call(entity, provider, at),
        };
    const lastKnown =
      call.answer.status === 'error'
        ? (await this.lastKnown([entityRef])).get(entityRef)
        : undefined;
    if (!refreshing) {
      if (call.answer.status === 'error') {
        this.reportFailure(call, call.answer, lastKnown);
      }
      await this.options.store
        .saveRefreshes([refreshOf(call)])
        .catch(error =>
          this.options.logger.error(
            `Could not store the on-call state of ${entityRef}: ${messageOf(
              error,
            )}`,
          ),
        );
    }
    return answeredState(call, call.answer, lastKnown);
  }

  /**
   * The refresher's provider call for an entity, not stored: the refresher stores a page of them at once after
   * `settleRefreshes`. A request's fetch of the entity under way is shared instead of calling again.
   */
  async fetchForRefresh(
    entity: Entity,
    budget: ProviderBudgetTally,
  ): Promise<RefreshFetch> {
    const entityRef = entityRefKey(entity);
    const provider = this.providerFor(entity);
    const pending = this.inFlight.get(entityRef);
    if (pending || !provider) {
      return {
        kind: 'shared',
        state: await (pending ?? this.getEntityOnCall(entity)),
      };
    }
    const at = this.options.now();
    const call = this.call(entity, provider, at, budget).then(answer => ({
      entityRef,
      owner: ownerRefOf(entity),
      providerId: provider.id,
      at,
      budget,
      answer,
    }));
    this.refreshing.set(entityRef, call);
    return { kind: 'called', call: await call };
  }

  /**
   * States of a page of the refresher's fetches, in order, with what to store for each: the last known
   * snapshots of failures come from the cache or one read, refusals by a vendor budget are counted in their
   * call's budget and other failures logged, and the states are cached for the routes.
   */
  async settleRefreshes(fetches: RefreshFetch[]): Promise<SettledRefresh[]> {
    const calls = fetches.flatMap(f => (f.kind === 'called' ? [f.call] : []));
    try {
      const lastKnown = await this.lastKnown(
        calls.filter(c => c.answer.status === 'error').map(c => c.entityRef),
      );
      const expiresAt = this.options.now().getTime() + this.options.cacheTtlMs;
      return fetches.map(fetch => {
        if (fetch.kind === 'shared') return { state: fetch.state };
        const { call } = fetch;
        const known = lastKnown.get(call.entityRef);
        if (call.answer.status === 'error') {
          this.reportFailure(call, call.answer, known, call.budget);
        }
        const state = answeredState(call, call.answer, known);
        this.remember(call.entityRef, state, expiresAt);
        return { state, refresh: refreshOf(call) };
      });
    } finally {
      for (const call of calls) this.refreshing.delete(call.entityRef);
      this.evictExpired();
    }
  }

  private call(
    entity: Entity,
    provider: OnCallProvider,
    at: Date,
    budget?: ProviderBudgetTally,
  ): Promise<OnCallAnswer> {
    return callOnCallProvider({
      provider,
      entity,
      at,
      horizonDays: this.options.horizonDays,
      timeoutMs: this.options.timeoutMs,
      people: this.options.people,
      waitUntil: budget?.waitUntil,
    });
  }

  /** Counts a failure in `budget` when a vendor budget refused the call (one line per run), else logs it. */
  private reportFailure(
    fetched: { entityRef: string; providerId: string },
    answer: Extract<OnCallAnswer, { status: 'error' }>,
    lastKnown: LastKnownOnCall | undefined,
    budget?: ProviderBudgetTally,
  ): void {
    if (budget?.refused(answer.error, lastKnown?.at)) return;
    this.failures.warn(
      answer.error,
      `On-call provider '${fetched.providerId}' failed for ${fetched.entityRef}: ${answer.message}`,
    );
  }

  /** Last known snapshots of entities: from the cache, else from the database in one read. */
  private async lastKnown(
    entityRefs: string[],
  ): Promise<Map<string, LastKnownOnCall>> {
    const result = new Map<string, LastKnownOnCall>();
    const unread: string[] = [];
    for (const ref of entityRefs) {
      const cached = lastKnownOfState(this.cache.get(ref)?.value);
      if (cached) result.set(ref, cached);
      else unread.push(ref);
    }
    if (unread.length === 0) return result;
    try {
      const stored = await this.options.store.getLatest(unread);
      for (const ref of unread) {
        const known = lastKnownOfRow(stored.get(ref));
        if (known) result.set(ref, known);
      }
    } catch (error) {
      const which =
        unread.length === 1 ? unread[0] : `${unread.length} entities`;
      this.options.logger.error(
        `Could not read the last known on-call snapshot of ${which}: ${messageOf(
          error,
        )}`,
      );
    }
    return result;
  }

  /**
   * Caches an entity's state, moved to the end of the cache's insertion order: every entry lives the same TTL, so
   * the cache stays ordered by expiry and {@link OnCallService.evictExpired} stops at the first live entry.
   */
  private remember(entityRef: string, value: EntityOnCall, expiresAt: number) {
    this.cache.delete(entityRef);
    this.cache.set(entityRef, { expiresAt, value });
  }

  /**
   * Drops expired entries past 1,000 cached entities, oldest first, up to the first live one (the cache is in
   * expiry order, see {@link OnCallService.remember}), so a call costs the entries it drops, not the whole cache.
   */
  private evictExpired() {
    if (this.cache.size < 1000) return;
    const now = this.options.now().getTime();
    for (const [key, entry] of this.cache) {
      if (entry.expiresAt > now) return;
      this.cache.delete(key);
    }
  }
}
