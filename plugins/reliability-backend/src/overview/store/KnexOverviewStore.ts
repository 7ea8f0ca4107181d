import { GroupReliabilitySummary } from '@internal/backstage-plugin-reliability-common';
import { Knex } from 'knex';
import { chunk } from '../../shared/chunk';
import { dbCount, dbDate, dbNumber } from '../../shared/dbValues';
import { compareGroups, RollUpGroupBy } from '../groupSummaries';
import { OverviewStore, StoredGroupRollUp } from './OverviewStore';

const TABLE = 'overview_group_rollups';
/** Rows per insert: 11 columns each, far below the bind-parameter limits. */
const INSERT_CHUNK = 500;
/** `group_ref` of the services without an owner or system (the key cannot be null). */
const NO_GROUP = '';

interface Row {
  group_by: string;
  group_ref: string;
  service_count: unknown;
  with_slos: unknown;
  meeting_slos: unknown;
  on_call_coverage: unknown;
  average_maturity: unknown;
  breaching_count: unknown;
  worst_budget_remaining: unknown;
  computed_at: unknown;
}

/** {@link OverviewStore} on the plugin's database. */
export class KnexOverviewStore implements OverviewStore {
  private readonly knex: Knex;

  constructor(options: { knex: Knex }) {
    this.knex = options.knex;
  }

  async replaceRollUps(
    pass: Record<RollUpGroupBy, GroupReliabilitySummary[]>,
    computedAt: Date,
  ): Promise<void> {
    const rows = (Object.keys(pass) as RollUpGroupBy[]).flatMap(by =>
      pass[by].map(group => ({
        group_by: by,
        group_ref: group.entityRef ?? NO_GROUP,
        service_count: group.serviceCount,
        with_slos: group.withSlos,
        meeting_slos: group.meetingSlos,
        on_call_coverage: group.onCallCoverage,
        average_maturity: group.averageMaturity,
        breaching_count: group.breachingCount,
        worst_budget_remaining: group.worstBudgetRemaining,
        computed_at: computedAt,
      })),
    );
    await this.knex.transaction(async tx => {
      await tx(TABLE).delete();
      for (const slice of chunk(rows, INSERT_CHUNK)) {
        await tx(TABLE).insert(slice);
      }
    });
  }

  async getRollUp(by: RollUpGroupBy): Promise<StoredGroupRollUp | undefined> {
    const rows: Row[] = await this.knex(TABLE).where({ group_by: by });
    if (rows.length === 0) {
      return undefined;
    }
    return {
      groups: rows
        .map(row => ({
          entityRef: row.group_ref === NO_GROUP ? null : row.group_ref,
          serviceCount: dbCount(row.service_count),
          withSlos: dbNumber(row.with_slos),
          meetingSlos: dbNumber(row.meeting_slos),
          onCallCoverage: dbNumber(row.on_call_coverage),
          averageMaturity: dbNumber(row.average_maturity),
          breachingCount: dbCount(row.breaching_count),
          worstBudgetRemaining: dbNumber(row.worst_budget_remaining),
        }))
        .sort(compareGroups),
      computedAt: dbDate(rows[0].computed_at),
    };
  }
}
