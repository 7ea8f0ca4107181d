import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  entityRefKey,
  TrendLeaderboardResponse,
  TrendScope,
  TrendSeriesResponse,
} from '@internal/backstage-plugin-reliability-common';
import { chunk } from '../shared/chunk';
import { giveWay } from '../shared/giveWay';
import { addDays, dayOf, nextSnapshotAt } from './days';
import { rankTeams } from './leaderboard';
import { maturityPoints, sloSeries } from './series';
import { measureMaturity } from './snapshot/measureMaturity';
import { measureSloAttainment, ORG } from './snapshot/measureSloAttainment';
import { TrendsMaturitySource, TrendsSloStateSource } from './sources';
import { DaySnapshot, TrendsStore } from './store/TrendsStore';

/** Days the leaderboard's improvement is measured over. */
export const IMPROVEMENT_DAYS = 90;
const VISIBILITY_BATCH = 200;

/** Options of {@link TrendsService}. */
export interface TrendsServiceOptions {
  store: TrendsStore;
  maturity: TrendsMaturitySource;
  slos: TrendsSloStateSource;
  catalog: CatalogService;
  /** Hour (server time) of the daily snapshot. */
  snapshotHour: number;
  now: () => Date;
  onSloError?: (entityRef: string, error: unknown) => void;
}

/** The trends area's logic: taking the daily snapshot, retention, series of a scope and the team leaderboard. */
export class TrendsService {
  private readonly options: TrendsServiceOptions;

  constructor(options: TrendsServiceOptions) {
    this.options = options;
  }

  /** Measures every scope now (with `credentials`, the plugin's own in the refresher). */
  async measure(credentials: BackstageCredentials): Promise<DaySnapshot> {
    const { catalog, maturity, slos, onSloError } = this.options;
    // One after the other: each gives way to web requests between its pages, which two walks running together
    // would not (each would take the other's work for a reason to wait, and run while the other waits).
    const maturityRows = await measureMaturity({
      catalog,
      maturity,
      credentials,
    });
    const sloRows = await measureSloAttainment({
      catalog,
      slos,
      credentials,
      onError: onSloError,
    });
    return { maturity: maturityRows, slo: sloRows };
  }

  /** Measures and stores today's snapshot, replacing an earlier one of the same day. */
  async takeSnapshot(
    credentials: BackstageCredentials,
  ): Promise<{ day: string } & DaySnapshot> {
    const at = this.options.now();
    const day = dayOf(at);
    const snapshot = await this.measure(credentials);
    await this.options.store.replaceDay(day, snapshot, at, {
      beforeEachWrite: giveWay,
    });
    return { day, ...snapshot };
  }

  /** DEMO ONLY: stores synthetic days, marked demo, where no row of the same day and key exists. */
  async addDemoHistory(
    days: Array<{ day: string } & DaySnapshot>,
  ): Promise<void> {
    await this.options.store.insertDemoRows(days, this.options.now());
  }

  /** Deletes snapshots of days older than `retentionDays` before today; returns how many rows. */
  async applyRetention(retentionDays: number): Promise<number> {
    const today = dayOf(this.options.now());
    return this.options.store.deleteBefore(addDays(today, -retentionDays));
  }

  /** The last `days` days (today included) of a scope; `ref` is a normalised entity ref, or `org`. */
  async getSeries(
    scope: TrendScope,
    ref: string,
    days: number,
  ): Promise<TrendSeriesResponse> {
    const { store } = this.options;
    const to = dayOf(this.options.now());
    const from = addDays(to, -(days - 1));
    const withSlo = scope === 'team' || scope === 'org';
    const [maturity, slo] = await Promise.all([
      store.getMaturitySeries(scope, ref, from, to),
      withSlo ? store.getSloSeries(scope === 'org' ? ORG : ref, from, to) : [],
    ]);
    return {
      scope,
      ref,
      from,
      to,
      maturity: maturityPoints(maturity),
      slo: sloSeries(slo),
      nextSnapshotAt: this.nextSnapshotAt(),
    };
  }

  /**
   * Teams by their latest score and by their improvement over the last {@link IMPROVEMENT_DAYS} days, keeping
   * only teams the caller can see in the catalog.
   */
  async getLeaderboard(
    limit: number,
    credentials: BackstageCredentials,
  ): Promise<TrendLeaderboardResponse> {
    const { store } = this.options;
    const day = await store.getLatestDay('team');
    const empty = {
      day,
      improvementDays: IMPROVEMENT_DAYS,
      byScore: [],
      byImprovement: [],
      nextSnapshotAt: this.nextSnapshotAt(),
    };
    if (!day) return empty;
    const [latest, baselines] = await Promise.all([
      store.getMaturityOnDay('team', day),
      store.getOldestMaturityIn('team', addDays(day, -IMPROVEMENT_DAYS), day),
    ]);
    const visible = await this.visibleRefs(
      latest.map(row => row.scopeRef),
      credentials,
    );
    return {
      ...empty,
      ...rankTeams(
        latest.filter(row => visible.has(row.scopeRef)),
        baselines,
        limit,
      ),
    };
  }

  /** When the next daily snapshot runs. */
  nextSnapshotAt(): string {
    return nextSnapshotAt(
      this.options.now(),
      this.options.snapshotHour,
    ).toISOString();
  }

  private async visibleRefs(
    refs: string[],
    credentials: BackstageCredentials,
  ): Promise<Set<string>> {
    const visible = new Set<string>();
    for (const batch of chunk(refs, VISIBILITY_BATCH)) {
      const { items } = await this.options.catalog.getEntitiesByRefs(
        {
          entityRefs: batch,
          fields: ['kind', 'metadata.namespace', 'metadata.name'],
        },
        { credentials },
      );
      for (const entity of items) {
        if (entity) visible.add(entityRefKey(entity));
      }
    }
    return visible;
  }
}
