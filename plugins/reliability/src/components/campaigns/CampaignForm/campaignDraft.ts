import {
  Campaign,
  CampaignInput,
  CampaignScope,
  CampaignStatus,
} from '@internal/backstage-plugin-reliability-common';

/** The form's state: the campaign as typed, scope filters as comma-separated text. */
export interface CampaignDraft {
  id: string;
  name: string;
  why: string;
  targetKind: 'level' | 'items';
  level: string;
  itemIds: string[];
  tiers: string;
  owners: string;
  systems: string;
  domains: string;
  lifecycles: string;
  startDate: string;
  dueDate: string;
  status: CampaignStatus;
}

const SCOPE_FIELDS = [
  'tiers',
  'owners',
  'systems',
  'domains',
  'lifecycles',
] as const;

/** A URL-safe id from a name ("Tier-1 SLOs!" -> "tier-1-slos"). */
export function slugOf(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);
}

/** The draft of a new campaign (starting today, due in 90 days) or of an existing one. */
export function draftOf(
  campaign: Campaign | undefined,
  today: Date,
  firstLevel: string,
): CampaignDraft {
  const day = (offset: number) =>
    new Date(today.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  if (!campaign) {
    return {
      id: '',
      name: '',
      why: '',
      targetKind: 'level',
      level: firstLevel,
      itemIds: [],
      tiers: '',
      owners: '',
      systems: '',
      domains: '',
      lifecycles: '',
      startDate: day(0),
      dueDate: day(90),
      status: 'draft',
    };
  }
  const scope = Object.fromEntries(
    SCOPE_FIELDS.map(f => [f, (campaign.scope[f] ?? []).join(', ')]),
  ) as Record<(typeof SCOPE_FIELDS)[number], string>;
  return {
    id: campaign.id,
    name: campaign.name,
    why: campaign.why,
    targetKind: campaign.target.kind,
    level:
      campaign.target.kind === 'level' ? campaign.target.level : firstLevel,
    itemIds: campaign.target.kind === 'items' ? campaign.target.itemIds : [],
    ...scope,
    startDate: campaign.startDate,
    dueDate: campaign.dueDate,
    status: campaign.status,
  };
}

const list = (text: string) =>
  text
    .split(',')
    .map(v => v.trim())
    .filter(Boolean);

/**
 * The request body of a draft. Owners, systems and domains may be written as names (`checkout-payments`) or refs;
 * names become refs in the default namespace.
 */
export function inputOf(draft: CampaignDraft): CampaignInput {
  const refs = (text: string, kind: string) =>
    list(text).map(v => (v.includes(':') ? v : `${kind}:default/${v}`));
  const scope: CampaignScope = {};
  const tiers = list(draft.tiers);
  const owners = refs(draft.owners, 'group');
  const systems = refs(draft.systems, 'system');
  const domains = refs(draft.domains, 'domain');
  const lifecycles = list(draft.lifecycles);
  if (tiers.length) scope.tiers = tiers;
  if (owners.length) scope.owners = owners;
  if (systems.length) scope.systems = systems;
  if (domains.length) scope.domains = domains;
  if (lifecycles.length) scope.lifecycles = lifecycles;
  return {
    name: draft.name.trim(),
    why: draft.why.trim(),
    target:
      draft.targetKind === 'level'
        ? { kind: 'level', level: draft.level }
        : { kind: 'items', itemIds: draft.itemIds },
    scope,
    startDate: draft.startDate,
    dueDate: draft.dueDate,
    status: draft.status,
  };
}

/** What keeps the draft from being saved (empty when it can be). */
export function draftProblems(draft: CampaignDraft): string[] {
  const problems: string[] = [];
  if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(draft.id)) {
    problems.push('Give the campaign a name (its id is derived from it).');
  }
  if (!draft.name.trim()) problems.push('Name the campaign.');
  if (!draft.why.trim()) problems.push('Say why the campaign matters.');
  if (draft.targetKind === 'items' && draft.itemIds.length === 0) {
    problems.push('Pick at least one checklist item.');
  }
  if (!draft.startDate || !draft.dueDate || draft.dueDate < draft.startDate) {
    problems.push('The due date must be on or after the start date.');
  }
  return problems;
}
