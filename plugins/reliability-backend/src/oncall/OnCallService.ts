import {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { Entity, parseEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATIONS,
  EntityOnCall,
  entityRefKey,
  GroupOnCall,
  OnCallPerson,
  OnCallSnapshot,
} from '@internal/backstage-plugin-reliability-common';
import {
  deadlineSignal,
  OnCallProvider,
  ProviderBudgetTally,
} from '@internal/backstage-plugin-reliability-node';
import { ProviderFailureLog } from '../shared/providerFailures';
import { buildGroupOnCall } from './buildGroupOnCall';
import { ownedEntities } from './ownedEntities';
import { PeopleResolver } from './PeopleResolver';
import { compareShiftStart } from './shiftOrder';
import { OnCallStore } from './store/OnCallStore';

/** Annotations that configure on-call, shown when an entity has none. */
export const ONCALL_ANNOTATIONS = [
  ANNOTATIONS.onCallSchedule,
  ANNOTATIONS.escalationPolicy,
  ANNOTATIONS.pagerDutyServiceId,
  ANNOTATIONS.opsgenieTeam,
];

/** Annotations of provider modules, and what to do when no installed provider serves them. */
const UNSERVED_HINTS = [
  {
    annotation: ANNOTATIONS.pagerDutyServiceId,
    hint: 'the PagerDuty on-call provider is not enabled (install the pagerduty backend module and set reliability.pagerduty.token)',
  },
  {
    annotation: ANNOTATIONS.opsgenieTeam,
    hint: 'the Opsgenie on-call provider is not enabled (install the opsgenie backend module and set reliability.opsgenie.apiKey)',
  },
];

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

/** The normalised owner ref of an entity (spec.owner), if it has one. */
export function ownerOf(entity: Entity): string | undefined {
  const owner = entity.spec?.owner;
  if (typeof owner !== 'string' || !owner.trim()) return undefined;
  try {
    return entityRefKey(
      parseEntityRef(owner, {
        defaultKind: 'group',
        defaultNamespace: entity.metadata.namespace ?? 'default',
      }),
    );
  } catch {
    return undefined;
  }
}

function messageOf(error: unknown): string {
  // DOMExceptions (timeouts, aborts) are not always `instanceof Error`.
  const { name, message } = (error ?? {}) as {
    name?: string;
    message?: string;
  };
  if (name === 'TimeoutError' || name === 'AbortError') {
    return 'The on-call provider did not answer in time';
  }
  return typeof message === 'string' && message ? message : String(error);
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
   * On-call state of an entity, from the cache when fresh unless `refresh` is set. A provider call refused by the
   * vendor's request budget is counted in `budget` (the refresher's one line per run) instead of logged.
   */
  async getEntityOnCall(
    entity: Entity,
    options: { refresh?: boolean; budget?: ProviderBudgetTally } = {},
  ): Promise<EntityOnCall> {
    const entityRef = entityRefKey(entity);
    const owner = ownerOf(entity);
    const provider = this.providerFor(entity);
    if (!provider) {
      const unserved = UNSERVED_HINTS.find(hint =>
        entity.metadata.annotations?.[hint.annotation]?.trim(),
      );
      if (unserved) {
        return {
          status: 'error',
          entityRef,
          owner,
          message: `The entity is annotated ${unserved.annotation}, but ${unserved.hint}`,
        };
      }
      return {
        status: 'not-configured',
        entityRef,
        owner,
        annotations: ONCALL_ANNOTATIONS,
      };
    }
    const now = this.options.now().getTime();
    const cached = this.cache.get(entityRef);
    if (!options.refresh && cached && cached.expiresAt > now) {
      return cached.value;
    }
    const pending = this.inFlight.get(entityRef);
    if (pending) return pending;

    const promise = this.fetch(
      entity,
      entityRef,
      owner,
      provider,
      options.budget,
    ).finally(() => this.inFlight.delete(entityRef));
    this.inFlight.set(entityRef, promise);
    const value = await promise;
    this.cache.set(entityRef, {
      expiresAt: this.options.now().getTime() + this.options.cacheTtlMs,
      value,
    });
    this.evictExpired();
    return value;
  }

  private async fetch(
    entity: Entity,
    entityRef: string,
    owner: string | undefined,
    provider: OnCallProvider,
    budget?: ProviderBudgetTally,
  ): Promise<EntityOnCall> {
    const at = this.options.now();
    let snapshot: OnCallSnapshot;
    try {
      snapshot = await provider.getOnCall({
        entity,
        at,
        horizonDays: this.options.horizonDays,
        // Tells the provider's HTTP client the deadline: no retry or budget wait outlives it.
        signal: deadlineSignal(this.options.timeoutMs, {
          waitUntil: budget?.waitUntil,
        }),
      });
      snapshot = await this.options.people.resolve(snapshot);
      // Providers mix offsets (+09:00, Z): order by instant, whatever the provider did.
      snapshot = {
        ...snapshot,
        upcoming: [...snapshot.upcoming].sort(compareShiftStart),
      };
    } catch (error) {
      const message = messageOf(error);
      const lastKnown = await this.lastKnown(entityRef);
      if (!budget?.refused(error, lastKnown?.at)) {
        this.failures.warn(
          error,
          `On-call provider '${provider.id}' failed for ${entityRef}: ${message}`,
        );
      }
      await this.options.store
        .saveError(entityRef, provider.id, message, at)
        .catch(e =>
          this.options.logger.error(`Could not store on-call error: ${e}`),
        );
      return {
        status: 'error',
        entityRef,
        owner,
        provider: provider.id,
        message,
        lastKnown: lastKnown?.snapshot,
        lastKnownAt: lastKnown?.at,
      };
    }
    try {
      await this.options.store.saveSnapshot(entityRef, snapshot, at);
      await this.options.store.recordShifts(entityRef, snapshot.current, at, {
        current: true,
      });
    } catch (error) {
      this.options.logger.error(
        `Could not store the on-call snapshot of ${entityRef}: ${messageOf(
          error,
        )}`,
      );
    }
    return { status: 'ok', entityRef, owner, snapshot };
  }

  private async lastKnown(
    entityRef: string,
  ): Promise<{ snapshot: OnCallSnapshot; at: string } | undefined> {
    const cached = this.cache.get(entityRef)?.value;
    if (cached?.status === 'ok') {
      return { snapshot: cached.snapshot, at: cached.snapshot.computedAt };
    }
    if (cached?.status === 'error' && cached.lastKnown) {
      return { snapshot: cached.lastKnown, at: cached.lastKnownAt! };
    }
    try {
      const stored = (await this.options.store.getLatest([entityRef])).get(
        entityRef,
      );
      if (stored?.snapshot) {
        return {
          snapshot: stored.snapshot,
          at: (stored.snapshotAt ?? stored.updatedAt).toISOString(),
        };
      }
    } catch (error) {
      this.options.logger.error(
        `Could not read the last known on-call snapshot of ${entityRef}: ${messageOf(
          error,
        )}`,
      );
    }
    return undefined;
  }

  private evictExpired() {
    if (this.cache.size < 1000) return;
    const now = this.options.now().getTime();
    for (const [key, entry] of this.cache) {
      if (entry.expiresAt <= now) this.cache.delete(key);
    }
  }
}
