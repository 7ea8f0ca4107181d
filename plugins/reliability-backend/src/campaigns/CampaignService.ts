import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { ConflictError, InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  Campaign,
  CampaignDetail,
  CampaignInput,
  campaignSchedule,
  CampaignSchedule,
  CampaignServiceProgress,
  CampaignStatus,
  CampaignSummary,
  EntityCampaign,
} from '@internal/backstage-plugin-reliability-common';
import { relationRef } from '../shared/relationRef';
import { campaignTargetProblems } from './campaignSchema';
import {
  campaignServices,
  inScope,
  serviceProgress,
  summarise,
} from './progress/campaignProgress';
import {
  loadScopedServices,
  ScopedService,
  scopedServiceOf,
} from './progress/scopedServices';
import { CampaignMaturitySource } from './sources';
import { CampaignStore } from './store/CampaignStore';

/** Most snapshots a campaign page shows (a bit over two years of days). */
const MAX_BURN_UP_POINTS = 800;

/** `YYYY-MM-DD` of a date (UTC). */
export function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** An active campaign as the refresher measured it. */
export interface MeasuredCampaign {
  campaign: Campaign;
  schedule: CampaignSchedule;
  services: CampaignServiceProgress[];
}

/** Options of {@link CampaignService}. */
export interface CampaignServiceOptions {
  store: CampaignStore;
  /** Campaigns kept as code (read-only). */
  fileCampaigns: Campaign[];
  maturity: CampaignMaturitySource;
  catalog: CatalogService;
  now: () => Date;
}

/**
 * Campaigns and their progress: which services a campaign concerns (its scope over the catalog), which of them
 * meet its target (the checklist's latest evaluations) and what is left for each; daily snapshots for the
 * burn-up chart. Campaigns come from the API (stored) and from files (read-only).
 */
export class CampaignService {
  private readonly options: CampaignServiceOptions;

  constructor(options: CampaignServiceOptions) {
    this.options = options;
  }

  /** Every campaign: those kept as code first (in file order), then those created through the API, newest first. */
  async allCampaigns(): Promise<Campaign[]> {
    return [
      ...this.options.fileCampaigns,
      ...(await this.options.store.listCampaigns()),
    ];
  }

  async getCampaign(id: string): Promise<Campaign | undefined> {
    return (
      this.options.fileCampaigns.find(c => c.id === id) ??
      (await this.options.store.getCampaign(id))
    );
  }

  /** Summaries of the campaigns with a status (or all), with progress over the services the caller can see. */
  async list(
    status: CampaignStatus | 'all',
    credentials: BackstageCredentials,
  ): Promise<CampaignSummary[]> {
    const campaigns = (await this.allCampaigns()).filter(
      c => status === 'all' || c.status === status,
    );
    if (campaigns.length === 0) return [];
    const { services, progress } = await this.measure(credentials);
    const today = dayOf(this.options.now());
    return campaigns.map(campaign => ({
      campaign,
      schedule: campaignSchedule(campaign, today),
      progress: summarise(
        campaignServices(
          campaign,
          this.options.maturity.checklist,
          services,
          progress,
        ),
      ),
    }));
  }

  /** One campaign with every service in scope, what is left for each, and its burn-up history. */
  async get(
    id: string,
    credentials: BackstageCredentials,
  ): Promise<Omit<CampaignDetail, 'canManage'> | undefined> {
    const campaign = await this.getCampaign(id);
    if (!campaign) return undefined;
    const [{ services, progress }, burnUp] = await Promise.all([
      this.measure(credentials),
      this.options.store.listSnapshots(id, MAX_BURN_UP_POINTS),
    ]);
    const inCampaign = campaignServices(
      campaign,
      this.options.maturity.checklist,
      services,
      progress,
    );
    return {
      campaign,
      schedule: campaignSchedule(campaign, dayOf(this.options.now())),
      progress: summarise(inCampaign),
      services: inCampaign,
      burnUp,
    };
  }

  /**
   * The services in one campaign's scope the credentials can see, with what is left for each (the overview's
   * campaign filter); undefined when there is no such campaign.
   */
  async servicesOf(
    id: string,
    credentials: BackstageCredentials,
  ): Promise<CampaignServiceProgress[] | undefined> {
    const campaign = await this.getCampaign(id);
    if (!campaign) return undefined;
    const { services, progress } = await this.measure(credentials);
    return campaignServices(
      campaign,
      this.options.maturity.checklist,
      services,
      progress,
    );
  }

  /**
   * Active campaigns whose scope includes the entity (a Component), the soonest due first, with what is left for
   * it. `credentials` read its system (for the domain filter).
   */
  async forEntity(
    entity: Entity,
    credentials: BackstageCredentials,
  ): Promise<EntityCampaign[]> {
    const { catalog, maturity, now } = this.options;
    if (entity.kind.toLowerCase() !== 'component') return [];
    const campaigns = (await this.allCampaigns()).filter(
      c => c.status === 'active',
    );
    if (campaigns.length === 0) return [];
    const namespace = entity.metadata.namespace ?? 'default';
    const systemRef = relationRef(entity.spec?.system, 'system', namespace);
    const system = systemRef
      ? await catalog.getEntityByRef(systemRef, { credentials })
      : undefined;
    const domainOfSystem = new Map<string, string | undefined>();
    if (systemRef && system) {
      domainOfSystem.set(
        systemRef,
        relationRef(
          system.spec?.domain,
          'domain',
          system.metadata.namespace ?? 'default',
        ),
      );
    }
    const service = scopedServiceOf(entity, domainOfSystem);
    const progress = (await maturity.getItemProgress([service.entityRef])).get(
      service.entityRef,
    );
    const today = dayOf(now());
    return campaigns
      .filter(c => inScope(c.scope, service))
      .sort(
        (a, b) =>
          a.dueDate.localeCompare(b.dueDate) || a.id.localeCompare(b.id),
      )
      .map(campaign => {
        const { done, left } = serviceProgress(
          campaign.target,
          maturity.checklist,
          service,
          progress,
        );
        return {
          campaign,
          schedule: campaignSchedule(campaign, today),
          done,
          left,
        };
      });
  }

  /** Creates or replaces a campaign (not one kept as code). */
  async put(
    id: string,
    input: CampaignInput,
    by: string,
  ): Promise<{ campaign: Campaign; created: boolean }> {
    if (this.options.fileCampaigns.some(c => c.id === id)) {
      throw new ConflictError(
        `Campaign '${id}' is kept as code (reliability.campaigns.files); change it in its file`,
      );
    }
    const problems = campaignTargetProblems(
      input,
      this.options.maturity.checklist,
    );
    if (problems.length > 0) {
      throw new InputError(`Invalid campaign: ${problems.join('; ')}`);
    }
    return this.options.store.putCampaign(id, input, by, this.options.now());
  }

  /**
   * The refresher's part: today's snapshot of every active campaign that has started, measured over every
   * service (`credentials` are the plugin's own). Returns each measured campaign with its services.
   */
  async snapshotActive(
    credentials: BackstageCredentials,
  ): Promise<MeasuredCampaign[]> {
    const now = this.options.now();
    const today = dayOf(now);
    const running = (await this.allCampaigns()).filter(
      c => c.status === 'active' && c.startDate <= today,
    );
    if (running.length === 0) return [];
    const { services, progress } = await this.measure(credentials);
    const measured: MeasuredCampaign[] = [];
    for (const campaign of running) {
      const inCampaign = campaignServices(
        campaign,
        this.options.maturity.checklist,
        services,
        progress,
      );
      const summary = summarise(inCampaign);
      await this.options.store.putSnapshot(
        {
          campaignId: campaign.id,
          day: today,
          services: summary.services,
          done: summary.done,
          teams: summary.teams,
        },
        now,
      );
      measured.push({
        campaign,
        schedule: campaignSchedule(campaign, today),
        services: inCampaign,
      });
    }
    return measured;
  }

  /** Retention of snapshots: older than `retentionDays`, or of campaigns that no longer exist. */
  async applyRetention(retentionDays: number): Promise<number> {
    const before = dayOf(
      new Date(this.options.now().getTime() - retentionDays * 86_400_000),
    );
    const ids = new Set((await this.allCampaigns()).map(c => c.id));
    return this.options.store.deleteSnapshots({ before, campaignIds: ids });
  }

  /** Every service the credentials can see and the maturity progress of each (one catalog walk, one query). */
  private async measure(credentials: BackstageCredentials): Promise<{
    services: ScopedService[];
    progress: Awaited<ReturnType<CampaignMaturitySource['getItemProgress']>>;
  }> {
    const services = await loadScopedServices(
      this.options.catalog,
      credentials,
    );
    const progress = await this.options.maturity.getItemProgress(
      services.map(s => s.entityRef),
    );
    return { services, progress };
  }
}
