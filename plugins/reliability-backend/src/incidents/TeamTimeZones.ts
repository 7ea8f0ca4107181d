import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity, parseEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATIONS,
  entityRefKey,
} from '@internal/backstage-plugin-reliability-common';
import { isValidTimeZone } from './postmortems/businessDays';

const CACHE_TTL_MS = 60_000;
const CACHE_MAX_ENTRIES = 500;

function zoneOf(entity: Entity | undefined): string | undefined {
  const zone = entity?.metadata.annotations?.[ANNOTATIONS.timeZone]?.trim();
  return zone && isValidTimeZone(zone) ? zone : undefined;
}

/**
 * The time zone postmortem deadlines and action item due dates of an entity are counted in: the entity's own
 * `reliability.sre-portal.dev/time-zone` annotation, else its owning Group's, else the configured default.
 * An unknown zone name is ignored (the next one applies). Owners are read with the caller's credentials and
 * remembered for a minute per caller.
 */
export class TeamTimeZones {
  private readonly owners = new Map<
    string,
    { at: number; zone: Promise<string | undefined> }
  >();

  constructor(
    private readonly options: {
      catalog: CatalogService;
      defaultTimeZone: string;
      now: () => Date;
    },
  ) {}

  async resolve(
    entity: Entity,
    credentials: BackstageCredentials,
  ): Promise<string> {
    const own = zoneOf(entity);
    if (own) return own;
    const owner = entity.spec?.owner;
    if (typeof owner !== 'string' || !owner.trim()) {
      return this.options.defaultTimeZone;
    }
    let ownerRef: string;
    try {
      ownerRef = entityRefKey(
        parseEntityRef(owner, {
          defaultKind: 'group',
          defaultNamespace: entity.metadata.namespace ?? 'default',
        }),
      );
    } catch {
      return this.options.defaultTimeZone;
    }
    return (
      (await this.ownerZone(ownerRef, credentials)) ??
      this.options.defaultTimeZone
    );
  }

  private ownerZone(
    ownerRef: string,
    credentials: BackstageCredentials,
  ): Promise<string | undefined> {
    const nowMs = this.options.now().getTime();
    // Per caller: what one caller may read of the catalog says nothing about another.
    const key = `${JSON.stringify(credentials.principal)}|${ownerRef}`;
    const cached = this.owners.get(key);
    if (cached && nowMs - cached.at < CACHE_TTL_MS) return cached.zone;
    const zone = this.options.catalog
      .getEntityByRef(ownerRef, { credentials })
      .then(zoneOf, () => undefined);
    if (this.owners.size >= CACHE_MAX_ENTRIES) this.owners.clear();
    this.owners.set(key, { at: nowMs, zone });
    return zone;
  }
}
