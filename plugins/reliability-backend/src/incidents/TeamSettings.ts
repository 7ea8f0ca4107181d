import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ANNOTATIONS } from '@internal/backstage-plugin-reliability-common';
import { ownerRefOf } from '../shared/relationRef';
import { AcknowledgeTarget, acknowledgeTargetOf } from './acknowledgeTarget';
import { isValidTimeZone } from './postmortems/businessDays';

const CACHE_TTL_MS = 60_000;
const CACHE_MAX_ENTRIES = 500;

function zoneOf(entity: Entity | undefined): string | undefined {
  const zone = entity?.metadata.annotations?.[ANNOTATIONS.timeZone]?.trim();
  return zone && isValidTimeZone(zone) ? zone : undefined;
}

/** What an entity's incidents are judged by, from its own and its owning Group's annotations. */
export interface TeamSettingsOfEntity {
  /** Postmortem deadlines and action item due dates are counted in business days of this zone. */
  timeZone: string;
  acknowledgeTarget: AcknowledgeTarget;
}

/**
 * The team settings an entity's incidents are judged by:
 * - the time zone: the entity's own `reliability.sre-portal.dev/time-zone` annotation, else its owning
 *   Group's, else the configured default; an unknown zone name is ignored (the next one applies);
 * - the acknowledge target: the owning Group's `reliability.sre-portal.dev/acknowledge-target`, else the
 *   configured default (see acknowledgeTarget.ts).
 * Owners are read with the caller's credentials and remembered for a minute per caller.
 */
export class TeamSettings {
  private readonly owners = new Map<
    string,
    { at: number; entity: Promise<Entity | undefined> }
  >();

  constructor(
    private readonly options: {
      catalog: CatalogService;
      defaultTimeZone: string;
      /** `reliability.incidents.acknowledgeTarget` in seconds. */
      defaultAcknowledgeTargetSeconds: number;
      now: () => Date;
    },
  ) {}

  async resolve(
    entity: Entity,
    credentials: BackstageCredentials,
  ): Promise<TeamSettingsOfEntity> {
    const ownerRef = ownerRefOf(entity);
    const owner = ownerRef
      ? { ref: ownerRef, entity: await this.ownerEntity(ownerRef, credentials) }
      : undefined;
    return {
      timeZone:
        zoneOf(entity) ?? zoneOf(owner?.entity) ?? this.options.defaultTimeZone,
      acknowledgeTarget: acknowledgeTargetOf(
        owner,
        this.options.defaultAcknowledgeTargetSeconds,
      ),
    };
  }

  private ownerEntity(
    ownerRef: string,
    credentials: BackstageCredentials,
  ): Promise<Entity | undefined> {
    const nowMs = this.options.now().getTime();
    // Per caller: what one caller may read of the catalog says nothing about another.
    const key = `${JSON.stringify(credentials.principal)}|${ownerRef}`;
    const cached = this.owners.get(key);
    if (cached && nowMs - cached.at < CACHE_TTL_MS) return cached.entity;
    const owner = this.options.catalog
      .getEntityByRef(ownerRef, { credentials })
      .then(
        found => found,
        () => undefined,
      );
    if (this.owners.size >= CACHE_MAX_ENTRIES) this.owners.clear();
    this.owners.set(key, { at: nowMs, entity: owner });
    return owner;
  }
}
