import { TrendScope } from '@internal/backstage-plugin-reliability-common';
import { Knex } from 'knex';
import { chunk } from '../../shared/chunk';
import {
  DaySnapshot,
  MaturitySnapshotRow,
  SloSnapshotRow,
  Stored,
  TrendsStore,
} from './TrendsStore';

const MATURITY = 'trend_maturity_snapshots';
const SLO = 'trend_slo_snapshots';
/** Rows per insert: 10 columns each, far below the bind-parameter limits. */
const INSERT_CHUNK = 500;

type MaturityRow = {
  day: string;
  scope: string;
  scope_ref: string;
  score: unknown;
  level: string;
  service_count: unknown;
  scored_count: unknown;
  demo: unknown;
};

type SloRow = {
  day: string;
  team_ref: string;
  slo_window: string;
  slo_count: unknown;
  measured_count: unknown;
  met_count: unknown;
  demo: unknown;
};

const num = (value: unknown): number => Number(value);
const bool = (value: unknown): boolean =>
  value === true || value === 1 || value === '1';

function maturityFromRow(row: MaturityRow): Stored<MaturitySnapshotRow> {
  return {
    day: row.day,
    scope: row.scope as TrendScope,
    scopeRef: row.scope_ref,
    score:
      row.score === null || row.score === undefined ? null : num(row.score),
    level: row.level,
    serviceCount: num(row.service_count),
    scoredCount: num(row.scored_count),
    demo: bool(row.demo),
  };
}

function sloFromRow(row: SloRow): Stored<SloSnapshotRow> {
  return {
    day: row.day,
    teamRef: row.team_ref,
    window: row.slo_window,
    sloCount: num(row.slo_count),
    measuredCount: num(row.measured_count),
    metCount: num(row.met_count),
    demo: bool(row.demo),
  };
}

const maturityToRow = (
  day: string,
  row: MaturitySnapshotRow,
  demo: boolean,
  at: Date,
) => ({
  day,
  scope: row.scope,
  scope_ref: row.scopeRef,
  score: row.score,
  level: row.level,
  service_count: row.serviceCount,
  scored_count: row.scoredCount,
  demo,
  recorded_at: at,
});

const sloToRow = (
  day: string,
  row: SloSnapshotRow,
  demo: boolean,
  at: Date,
) => ({
  day,
  team_ref: row.teamRef,
  slo_window: row.window,
  slo_count: row.sloCount,
  measured_count: row.measuredCount,
  met_count: row.metCount,
  demo,
  recorded_at: at,
});

/** The `value` column of rows grouped by their `key` column. */
function groupBy<R extends Record<string, string>>(
  rows: R[],
  key: keyof R,
  value: keyof R,
): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const row of rows) {
    const list = groups.get(row[key]) ?? [];
    list.push(row[value]);
    groups.set(row[key], list);
  }
  return groups;
}

/** {@link TrendsStore} on Knex (SQLite and PostgreSQL). */
export class KnexTrendsStore implements TrendsStore {
  private readonly knex: Knex;

  constructor(options: { knex: Knex }) {
    this.knex = options.knex;
  }

  async replaceDay(
    day: string,
    snapshot: DaySnapshot,
    at: Date,
    options: { beforeEachWrite?: () => Promise<void> } = {},
  ) {
    const beforeEachWrite = options.beforeEachWrite ?? (async () => {});
    for (const rows of chunk(snapshot.maturity, INSERT_CHUNK)) {
      await beforeEachWrite();
      await this.knex(MATURITY)
        .insert(rows.map(r => maturityToRow(day, r, false, at)))
        .onConflict(['scope', 'scope_ref', 'day'])
        .merge();
    }
    for (const rows of chunk(snapshot.slo, INSERT_CHUNK)) {
      await beforeEachWrite();
      await this.knex(SLO)
        .insert(rows.map(r => sloToRow(day, r, false, at)))
        .onConflict(['team_ref', 'slo_window', 'day'])
        .merge();
    }
    await beforeEachWrite();
    await this.deleteRowsNotIn(day, snapshot);
  }

  /** Deletes the rows of `day` whose scope (maturity) or team and window (SLO) the snapshot does not have. */
  private async deleteRowsNotIn(day: string, snapshot: DaySnapshot) {
    await this.deleteDayRowsNotIn(
      MATURITY,
      day,
      ['scope', 'scope_ref'],
      new Set(snapshot.maturity.map(r => `${r.scope}\n${r.scopeRef}`)),
    );
    await this.deleteDayRowsNotIn(
      SLO,
      day,
      ['slo_window', 'team_ref'],
      new Set(snapshot.slo.map(r => `${r.window}\n${r.teamRef}`)),
    );
  }

  /** Deletes the rows of `day` in `table` whose `group` and `ref` columns (`${group}\n${ref}`) are not in `keep`. */
  private async deleteDayRowsNotIn(
    table: string,
    day: string,
    [group, ref]: [string, string],
    keep: Set<string>,
  ) {
    const stale: Array<Record<string, string>> = (
      await this.knex(table).where({ day }).select(group, ref)
    ).filter(
      (row: Record<string, string>) => !keep.has(`${row[group]}\n${row[ref]}`),
    );
    for (const [groupValue, refs] of groupBy(stale, group, ref)) {
      for (const batch of chunk(refs, INSERT_CHUNK)) {
        await this.knex(table)
          .where({ day, [group]: groupValue })
          .whereIn(ref, batch)
          .delete();
      }
    }
  }

  async insertDemoRows(
    days: Array<{ day: string } & Partial<DaySnapshot>>,
    at: Date,
  ) {
    const maturity = days.flatMap(d =>
      (d.maturity ?? []).map(r => maturityToRow(d.day, r, true, at)),
    );
    const slo = days.flatMap(d =>
      (d.slo ?? []).map(r => sloToRow(d.day, r, true, at)),
    );
    for (const rows of chunk(maturity, INSERT_CHUNK)) {
      await this.knex(MATURITY)
        .insert(rows)
        .onConflict(['scope', 'scope_ref', 'day'])
        .ignore();
    }
    for (const rows of chunk(slo, INSERT_CHUNK)) {
      await this.knex(SLO)
        .insert(rows)
        .onConflict(['team_ref', 'slo_window', 'day'])
        .ignore();
    }
  }

  async getMaturitySeries(
    scope: TrendScope,
    scopeRef: string,
    fromDay: string,
    toDay: string,
  ) {
    const rows: MaturityRow[] = await this.knex(MATURITY)
      .where({ scope, scope_ref: scopeRef })
      .whereBetween('day', [fromDay, toDay])
      .orderBy('day', 'asc');
    return rows.map(maturityFromRow);
  }

  async getSloSeries(teamRef: string, fromDay: string, toDay: string) {
    const rows: SloRow[] = await this.knex(SLO)
      .where({ team_ref: teamRef })
      .whereBetween('day', [fromDay, toDay])
      .orderBy([
        { column: 'slo_window', order: 'asc' },
        { column: 'day', order: 'asc' },
      ]);
    return rows.map(sloFromRow);
  }

  async getLatestDay(scope: TrendScope) {
    const row = await this.knex(MATURITY)
      .where({ scope })
      .max({ day: 'day' })
      .first();
    return (row?.day as string | null | undefined) ?? null;
  }

  async getMaturityOnDay(scope: TrendScope, day: string) {
    const rows: MaturityRow[] = await this.knex(MATURITY)
      .where({ scope, day })
      .orderBy('scope_ref', 'asc');
    return rows.map(maturityFromRow);
  }

  async getOldestMaturityIn(scope: TrendScope, fromDay: string, toDay: string) {
    const oldest = this.knex(MATURITY)
      .select('scope_ref')
      .min({ first_day: 'day' })
      .where({ scope })
      .whereBetween('day', [fromDay, toDay])
      .groupBy('scope_ref')
      .as('oldest');
    const rows: MaturityRow[] = await this.knex(MATURITY)
      .select(`${MATURITY}.*`)
      .join(oldest, join =>
        join
          .on(`${MATURITY}.scope_ref`, '=', 'oldest.scope_ref')
          .andOn(`${MATURITY}.day`, '=', 'oldest.first_day'),
      )
      .where(`${MATURITY}.scope`, scope)
      .orderBy(`${MATURITY}.scope_ref`, 'asc');
    return rows.map(maturityFromRow);
  }

  async deleteBefore(day: string) {
    const maturity = await this.knex(MATURITY).where('day', '<', day).delete();
    const slo = await this.knex(SLO).where('day', '<', day).delete();
    return maturity + slo;
  }
}
