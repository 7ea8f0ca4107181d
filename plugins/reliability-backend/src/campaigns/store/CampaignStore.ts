import {
  Campaign,
  CampaignInput,
  CampaignSnapshot,
  CampaignTeamProgress,
} from '@internal/backstage-plugin-reliability-common';

/** A daily measurement of one campaign (the burn-up chart's points). */
export interface StoredCampaignSnapshot extends CampaignSnapshot {
  campaignId: string;
  teams: CampaignTeamProgress[];
}

/**
 * Persistence of the campaigns created through the API (campaigns kept as code live in their files) and of every
 * campaign's daily snapshots.
 */
export interface CampaignStore {
  /** Campaigns created through the API, newest first. */
  listCampaigns(): Promise<Campaign[]>;
  getCampaign(id: string): Promise<Campaign | undefined>;
  /** Creates the campaign or replaces its definition; returns whether it was created. */
  putCampaign(
    id: string,
    input: CampaignInput,
    by: string,
    at: Date,
  ): Promise<{ campaign: Campaign; created: boolean }>;

  /** Stores the day's snapshot of a campaign, replacing an earlier one of the same day. */
  putSnapshot(snapshot: StoredCampaignSnapshot, at: Date): Promise<void>;
  /** Snapshots of a campaign, oldest first (at most `limit` of the newest). */
  listSnapshots(campaignId: string, limit: number): Promise<CampaignSnapshot[]>;
  /**
   * Retention: deletes snapshots of days before `before` (`YYYY-MM-DD`) and those of campaigns not in
   * `campaignIds` (a campaign removed from its file). Returns how many it deleted.
   */
  deleteSnapshots(options: {
    before: string;
    campaignIds: Set<string>;
  }): Promise<number>;
}
