import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  Checklist,
  entityRefKey,
} from '@internal/backstage-plugin-reliability-common';
import type { MaturityService } from '../MaturityService';
import { ExemptionStore, NewExemption } from '../store/ExemptionStore';
import { demoAnswers } from './demoAnswers';
import {
  DEMO_AUTHOR,
  DEMO_EXEMPTIONS,
  DEMO_MATURITY,
  DemoExemption,
  DemoMaturityStory,
} from './demoMaturity';

const DAY_MS = 24 * 60 * 60 * 1000;

/** What one seeding pass wrote. */
export interface DemoMaturitySeedResult {
  assessments: number;
  exemptions: number;
}

/**
 * DEMO ONLY (enabled by `reliability.demo.seedMaturity: true`): writes about six months of synthetic
 * self-assessments (demoMaturity.ts) for the demo catalog's Components that exist, and a few exemptions (one
 * pending, one approved, one expired), all by {@link DEMO_AUTHOR} and noted as demo data. An entity that already has
 * assessments (or exemptions) is left alone, so a pass never duplicates nor overwrites real data, and every pass
 * after the first writes nothing. The seeded entities are then re-evaluated, so their current level shows at once.
 */
export class DemoMaturitySeeder {
  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      service: Pick<
        MaturityService,
        'checklist' | 'getHistory' | 'insertPastAssessment' | 'refresh'
      >;
      exemptions: Pick<ExemptionStore, 'insert' | 'listForEntity'>;
      answerValidityDays: number;
      logger: LoggerService;
      now: () => Date;
      stories?: DemoMaturityStory[];
      demoExemptions?: DemoExemption[];
      /**
       * Whether the areas the automatic checks read have their first data (their refreshes succeeded since the start
       * and their demo seeders found the demo entities: `areasHaveData`): the synthetic assessments are scored, and
       * their blockers recorded, with it. Without it, seeding starts at once.
       */
      automaticDataReady?: () => Promise<boolean>;
      /** How long to wait for that data before seeding anyway (default 10 minutes from the first pass). */
      maxWaitMs?: number;
    },
  ) {}

  /** When the first pass ran, and whether the automatic data was seen ready (then not asked again). */
  private firstPassAt?: number;
  private ready = false;
  /** Every demo entity was in the catalog at a pass after the data was ready: later passes have nothing to do. */
  private settled = false;

  /** One seeding pass (the seeder's scheduled task). Never throws. */
  async run(): Promise<void> {
    try {
      const { assessments, exemptions } = await this.seed();
      if (assessments + exemptions > 0) {
        this.deps.logger.info(
          `Wrote ${assessments} SYNTHETIC demo assessments and ${exemptions} demo exemptions`,
        );
      }
    } catch (error) {
      this.deps.logger.warn(`Demo maturity seeding failed: ${error}`);
    }
  }

  async seed(): Promise<DemoMaturitySeedResult> {
    if (this.settled || !(await this.automaticDataReady())) {
      return { assessments: 0, exemptions: 0 };
    }
    const stories = this.deps.stories ?? DEMO_MATURITY;
    const demoExemptions = this.deps.demoExemptions ?? DEMO_EXEMPTIONS;
    const names = [
      ...stories.map(s => s.component),
      ...demoExemptions.map(e => e.component),
    ];
    const existing = await this.existingRefs(names);
    this.settled = names.every(name =>
      existing.has(`component:default/${name}`),
    );
    const seeded = new Set<string>();
    let assessments = 0;
    for (const story of stories) {
      const ref = `component:default/${story.component}`;
      if (!existing.has(ref)) continue;
      const written = await this.seedAssessments(ref, story);
      if (written > 0) seeded.add(ref);
      assessments += written;
    }
    let exemptions = 0;
    for (const demo of demoExemptions) {
      const ref = `component:default/${demo.component}`;
      if (!existing.has(ref)) continue;
      if (await this.seedExemption(ref, demo)) {
        seeded.add(ref);
        exemptions += 1;
      }
    }
    if (seeded.size > 0) {
      await this.deps.service.refresh([...seeded]);
    }
    return { assessments, exemptions };
  }

  /**
   * True once the automatic checks' areas have their first data, or after waiting `maxWaitMs` for it (then the
   * assessments are scored with whatever there is, and a line says so).
   */
  private async automaticDataReady(): Promise<boolean> {
    const {
      automaticDataReady,
      maxWaitMs = 10 * 60_000,
      now,
      logger,
    } = this.deps;
    if (this.ready || !automaticDataReady) return true;
    this.firstPassAt ??= now().getTime();
    if (await automaticDataReady()) {
      this.ready = true;
      return true;
    }
    if (now().getTime() - this.firstPassAt >= maxWaitMs) {
      this.ready = true;
      logger.info(
        'Demo maturity: the automatic checks still lack data after waiting; the synthetic assessments are scored with what there is',
      );
      return true;
    }
    return false;
  }

  /** The refs (of the given Component names) that are in the catalog. */
  private async existingRefs(names: string[]): Promise<Set<string>> {
    const credentials = await this.deps.auth.getOwnServiceCredentials();
    const { items } = await this.deps.catalog.getEntitiesByRefs(
      {
        entityRefs: [...new Set(names)].map(n => `component:default/${n}`),
        fields: ['kind', 'metadata.namespace', 'metadata.name'],
      },
      { credentials },
    );
    return new Set(
      items.flatMap(entity => (entity ? [entityRefKey(entity)] : [])),
    );
  }

  private async seedAssessments(
    entityRef: string,
    story: DemoMaturityStory,
  ): Promise<number> {
    const { service, answerValidityDays, now } = this.deps;
    const history = await service.getHistory(entityRef, 1);
    if (history.assessments.length > 0) return 0;
    const checklist: Checklist = service.checklist;
    let written = 0;
    for (const assessment of story.assessments) {
      const at = new Date(now().getTime() - assessment.daysAgo * DAY_MS);
      await service.insertPastAssessment({
        entityRef,
        answers: demoAnswers({ checklist, assessment, at, answerValidityDays }),
        author: DEMO_AUTHOR,
        at,
      });
      written += 1;
    }
    return written;
  }

  private async seedExemption(
    entityRef: string,
    demo: DemoExemption,
  ): Promise<boolean> {
    const { service, exemptions, now } = this.deps;
    if (!service.checklist.items.some(item => item.id === demo.itemId)) {
      return false;
    }
    if ((await exemptions.listForEntity(entityRef, 1)).length > 0) {
      return false;
    }
    const requestedAt = new Date(
      now().getTime() - demo.requestedDaysAgo * DAY_MS,
    );
    const endsAt = new Date(requestedAt.getTime() + demo.days * DAY_MS);
    const decided = demo.status !== 'pending';
    const exemption: NewExemption = {
      entityRef,
      itemId: demo.itemId,
      status: decided ? 'approved' : 'pending',
      justification: demo.justification,
      requestedBy: DEMO_AUTHOR,
      requestedAt: requestedAt.toISOString(),
      requestedExpiresAt: endsAt.toISOString(),
      expiresAt: decided ? endsAt.toISOString() : null,
      decidedBy: decided ? DEMO_AUTHOR : null,
      decidedAt: decided
        ? new Date(requestedAt.getTime() + DAY_MS).toISOString()
        : null,
    };
    await exemptions.insert(exemption, requestedAt);
    return true;
  }
}
