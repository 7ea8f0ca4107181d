/**
 * Campaigns: a reliability admin rallies teams around a target (reach a maturity level, or pass a set of
 * checklist items) for the services in a scope, between a start and a due date. See docs/improvement.md.
 */

/** Lifecycle of a campaign. Only `active` campaigns are tracked (daily snapshots, notifications). @public */
export const CAMPAIGN_STATUSES = [
  'draft',
  'active',
  'finished',
  'archived',
] as const;

/** @public */
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/** What a service must achieve. @public */
export type CampaignTarget =
  | {
      kind: 'level';
      /** A level id of the checklist: reach it (or a higher one). */
      level: string;
    }
  | {
      kind: 'items';
      /** Checklist item ids: every one passes (or is exempt). */
      itemIds: string[];
    };

/**
 * Which services (catalog Components) a campaign concerns: every listed filter must match (an empty or missing
 * filter matches everything; values within one filter are alternatives).
 *
 * @public
 */
export interface CampaignScope {
  /** Tiers (`reliability.sre-portal.dev/tier`), e.g. `tier-1`. */
  tiers?: string[];
  /** Owning groups, as entity refs (`group:default/checkout-payments`). */
  owners?: string[];
  /** Systems, as entity refs (`system:default/payments`). */
  systems?: string[];
  /** Domains (of the services' systems), as entity refs. */
  domains?: string[];
  /** Lifecycles (`spec.lifecycle`), e.g. `production`. */
  lifecycles?: string[];
}

/** What defines a campaign (the body of `PUT /campaigns/:id`). @public */
export interface CampaignInput {
  name: string;
  /** Why the campaign matters, shown to every team it concerns. */
  why: string;
  target: CampaignTarget;
  scope: CampaignScope;
  /** `YYYY-MM-DD` (UTC) the campaign starts. */
  startDate: string;
  /** `YYYY-MM-DD` (UTC) by which every service should meet the target; on or after `startDate`. */
  dueDate: string;
  status: CampaignStatus;
}

/** A campaign. @public */
export interface Campaign extends CampaignInput {
  id: string;
  /** `file`: kept as code in `reliability.campaigns.files` (read-only through the API). */
  source: 'api' | 'file';
  createdBy: string | null;
  createdAt: string | null;
  updatedBy: string | null;
  updatedAt: string | null;
}

/** Where a campaign stands in time. @public */
export type CampaignSchedule = 'upcoming' | 'running' | 'overdue' | 'ended';

/** Progress of the services of one owning team. @public */
export interface CampaignTeamProgress {
  /** Group ref, or `unassigned`. */
  team: string;
  services: number;
  done: number;
}

/** One service of a campaign and what is left for it. @public */
export interface CampaignServiceProgress {
  entityRef: string;
  owner: string;
  done: boolean;
  /** Checklist item ids still to pass (empty when done). */
  left: string[];
  /** The service's current maturity level (`none` when not evaluated yet). */
  level: string;
}

/** Progress of a campaign now. @public */
export interface CampaignProgress {
  services: number;
  done: number;
  /** 0..100, one decimal; null without services in scope. */
  percent: number | null;
  teams: CampaignTeamProgress[];
}

/** A campaign in a list, with its progress. @public */
export interface CampaignSummary {
  campaign: Campaign;
  schedule: CampaignSchedule;
  progress: CampaignProgress;
}

/** One day of a campaign's burn-up chart. @public */
export interface CampaignSnapshot {
  /** `YYYY-MM-DD` (UTC). */
  day: string;
  services: number;
  done: number;
}

/** A campaign with every service in scope and its burn-up history. @public */
export interface CampaignDetail extends CampaignSummary {
  services: CampaignServiceProgress[];
  burnUp: CampaignSnapshot[];
  /** Whether the caller may edit it (`reliability.campaign.manage`, and not kept as code). */
  canManage: boolean;
}

/** Response of `GET /campaigns`. @public */
export interface CampaignsListResponse {
  campaigns: CampaignSummary[];
  /** Whether the caller may create and edit campaigns (`reliability.campaign.manage`). */
  canManage: boolean;
}

/** A campaign that concerns one entity, and what is left for it. @public */
export interface EntityCampaign {
  campaign: Campaign;
  schedule: CampaignSchedule;
  done: boolean;
  left: string[];
}

/** Response of `GET /entities/:kind/:namespace/:name/campaigns`. @public */
export interface EntityCampaignsResponse {
  entityRef: string;
  /** Active campaigns whose scope includes the entity, the soonest due first. */
  campaigns: EntityCampaign[];
}

/** Where a campaign stands on `today` (`YYYY-MM-DD`). @public */
export function campaignSchedule(
  campaign: Pick<Campaign, 'status' | 'startDate' | 'dueDate'>,
  today: string,
): CampaignSchedule {
  if (campaign.status !== 'active' && campaign.status !== 'draft') {
    return 'ended';
  }
  if (today < campaign.startDate) return 'upcoming';
  return today > campaign.dueDate ? 'overdue' : 'running';
}
