import {
  Campaign,
  CampaignProgress,
  CampaignScope,
  CampaignServiceProgress,
  CampaignTarget,
  Checklist,
  NO_LEVEL,
} from '@internal/backstage-plugin-reliability-common';
import { MaturityItemProgress } from '../sources';
import { ScopedService } from './scopedServices';

const lower = (values: string[] | undefined) =>
  values && values.length > 0
    ? new Set(values.map(v => v.toLowerCase()))
    : undefined;

const matches = (allowed: Set<string> | undefined, value?: string) =>
  !allowed || (value !== undefined && allowed.has(value.toLowerCase()));

/** Whether a service is in a campaign's scope: every non-empty filter matches (refs and values case-insensitive). */
export function inScope(scope: CampaignScope, service: ScopedService): boolean {
  return (
    matches(lower(scope.tiers), service.tier) &&
    matches(lower(scope.owners), service.owner) &&
    matches(lower(scope.systems), service.system) &&
    matches(lower(scope.domains), service.domain) &&
    matches(lower(scope.lifecycles), service.lifecycle)
  );
}

/** The item ids a target asks for: those of the target level and every level below it, or the listed items. */
export function requiredItems(
  target: CampaignTarget,
  checklist: Checklist,
): string[] {
  if (target.kind === 'items') return [...target.itemIds];
  const levels = checklist.levels.map(l => l.id);
  const upTo = levels.indexOf(target.level);
  const required = new Set(upTo < 0 ? [] : levels.slice(0, upTo + 1));
  return checklist.items.filter(i => required.has(i.level)).map(i => i.id);
}

/**
 * One service's standing against a target. Level targets are met at the target level or above (the checklist's
 * level already counts exempt and not-applicable items as passing); item targets when every item passes.
 * `left` lists the required items that do not pass (all of them when the service was never evaluated).
 */
export function serviceProgress(
  target: CampaignTarget,
  checklist: Checklist,
  service: ScopedService,
  progress: MaturityItemProgress | undefined,
): CampaignServiceProgress {
  const level = progress?.level ?? NO_LEVEL;
  const passing = new Set(progress?.passingItems ?? []);
  const left = requiredItems(target, checklist).filter(id => !passing.has(id));
  let done: boolean;
  if (target.kind === 'level') {
    const levels = checklist.levels.map(l => l.id);
    const wanted = levels.indexOf(target.level);
    done = wanted >= 0 && levels.indexOf(level) >= wanted;
  } else {
    done = left.length === 0;
  }
  return {
    entityRef: service.entityRef,
    owner: service.owner,
    done,
    left: done ? [] : left,
    level,
  };
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Totals and per-team progress of a campaign's services. */
export function summarise(
  services: CampaignServiceProgress[],
): CampaignProgress {
  const teams = new Map<string, { services: number; done: number }>();
  for (const s of services) {
    const team = teams.get(s.owner) ?? { services: 0, done: 0 };
    team.services += 1;
    if (s.done) team.done += 1;
    teams.set(s.owner, team);
  }
  const done = services.filter(s => s.done).length;
  return {
    services: services.length,
    done,
    percent:
      services.length > 0 ? round1((100 * done) / services.length) : null,
    teams: [...teams.entries()]
      .map(([team, t]) => ({ team, ...t }))
      .sort((a, b) => a.team.localeCompare(b.team)),
  };
}

/** Every service of a campaign's scope with its standing, ordered by ref. */
export function campaignServices(
  campaign: Pick<Campaign, 'scope' | 'target'>,
  checklist: Checklist,
  services: ScopedService[],
  progress: Map<string, MaturityItemProgress>,
): CampaignServiceProgress[] {
  return services
    .filter(s => inScope(campaign.scope, s))
    .map(s =>
      serviceProgress(campaign.target, checklist, s, progress.get(s.entityRef)),
    )
    .sort((a, b) => a.entityRef.localeCompare(b.entityRef));
}
