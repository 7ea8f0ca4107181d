import { chunk } from './chunk';

/**
 * Bind parameters one statement may carry: the lowest limit of the databases the stores run on (SQLite builds
 * before 3.32 allow 999; PostgreSQL 65,535). Multi-row statements are chunked under it, which also keeps SQLite's
 * `insert ... select ... union all` form below its 500-term compound select limit.
 */
export const BIND_PARAMETER_BUDGET = 999;

/** Rows of `columns` values each that fit one statement. */
export function rowsPerStatement(columns: number): number {
  return Math.max(1, Math.floor(BIND_PARAMETER_BUDGET / columns));
}

/** Rows of a multi-row statement (all with the same columns), in chunks that fit the bind-parameter budget. */
export function chunkRows<T extends object>(rows: T[]): T[][] {
  return rows.length === 0
    ? []
    : chunk(rows, rowsPerStatement(Object.keys(rows[0]).length));
}
