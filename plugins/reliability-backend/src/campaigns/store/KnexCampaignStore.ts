import {
  Campaign,
  CampaignInput,
  CampaignSnapshot,
} from '@internal/backstage-plugin-reliability-common';
import { Knex } from 'knex';
import { chunk } from '../../shared/chunk';
import { dbIso } from '../../shared/dbValues';
import { CampaignStore, StoredCampaignSnapshot } from './CampaignStore';

const CAMPAIGNS = 'campaigns';
const SNAPSHOTS = 'campaign_snapshots';

type CampaignRow = {
  id: string;
  name: string;
  why: string;
  target: string;
  scope: string;
  start_date: string;
  due_date: string;
  status: string;
  created_by: string;
  created_at: unknown;
  updated_by: string;
  updated_at: unknown;
};

function toCampaign(row: CampaignRow): Campaign {
  return {
    id: row.id,
    name: row.name,
    why: row.why,
    target: JSON.parse(row.target),
    scope: JSON.parse(row.scope),
    startDate: row.start_date,
    dueDate: row.due_date,
    status: row.status as Campaign['status'],
    source: 'api',
    createdBy: row.created_by,
    createdAt: dbIso(row.created_at),
    updatedBy: row.updated_by,
    updatedAt: dbIso(row.updated_at),
  };
}

/** The campaigns store on the plugin's Knex database (SQLite or PostgreSQL). */
export class KnexCampaignStore implements CampaignStore {
  private readonly knex: Knex;

  constructor(options: { knex: Knex }) {
    this.knex = options.knex;
  }

  async listCampaigns(): Promise<Campaign[]> {
    const rows: CampaignRow[] = await this.knex(CAMPAIGNS)
      .orderBy([
        { column: 'created_at', order: 'desc' },
        { column: 'id', order: 'asc' },
      ])
      .select('*');
    return rows.map(toCampaign);
  }

  async getCampaign(id: string): Promise<Campaign | undefined> {
    const row = await this.knex<CampaignRow>(CAMPAIGNS).where({ id }).first();
    return row ? toCampaign(row) : undefined;
  }

  async putCampaign(
    id: string,
    input: CampaignInput,
    by: string,
    at: Date,
  ): Promise<{ campaign: Campaign; created: boolean }> {
    const values = {
      name: input.name,
      why: input.why,
      target: JSON.stringify(input.target),
      scope: JSON.stringify(input.scope),
      start_date: input.startDate,
      due_date: input.dueDate,
      status: input.status,
      updated_by: by,
      updated_at: at,
    };
    return this.knex.transaction(async tx => {
      const existing = await tx(CAMPAIGNS).where({ id }).first('id');
      // An upsert, so two replicas creating the same id at once both succeed (the later one wins).
      await tx(CAMPAIGNS)
        .insert({ id, ...values, created_by: by, created_at: at })
        .onConflict('id')
        .merge(Object.keys(values));
      const row = await tx<CampaignRow>(CAMPAIGNS).where({ id }).first();
      return { campaign: toCampaign(row!), created: !existing };
    });
  }

  async putSnapshot(snapshot: StoredCampaignSnapshot, at: Date): Promise<void> {
    await this.knex(SNAPSHOTS)
      .insert({
        campaign_id: snapshot.campaignId,
        day: snapshot.day,
        services: snapshot.services,
        done: snapshot.done,
        teams: JSON.stringify(snapshot.teams),
        recorded_at: at,
      })
      .onConflict(['campaign_id', 'day'])
      .merge(['services', 'done', 'teams', 'recorded_at']);
  }

  async listSnapshots(
    campaignId: string,
    limit: number,
  ): Promise<CampaignSnapshot[]> {
    const rows: Array<{ day: string; services: unknown; done: unknown }> =
      await this.knex(SNAPSHOTS)
        .where({ campaign_id: campaignId })
        .orderBy('day', 'desc')
        .limit(limit)
        .select('day', 'services', 'done');
    return rows
      .map(r => ({
        day: r.day,
        services: Number(r.services),
        done: Number(r.done),
      }))
      .reverse();
  }

  async deleteSnapshots(options: {
    before: string;
    campaignIds: Set<string>;
  }): Promise<number> {
    return this.knex.transaction(async tx => {
      let deleted = await tx(SNAPSHOTS)
        .where('day', '<', options.before)
        .delete();
      const stored: Array<{ campaign_id: string }> = await tx(SNAPSHOTS)
        .distinct('campaign_id')
        .select('campaign_id');
      const gone = stored
        .map(r => r.campaign_id)
        .filter(id => !options.campaignIds.has(id));
      for (const ids of chunk(gone, 500)) {
        deleted += await tx(SNAPSHOTS).whereIn('campaign_id', ids).delete();
      }
      return deleted;
    });
  }
}
