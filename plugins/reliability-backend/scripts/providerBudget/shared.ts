/*
 * Pieces of the provider budget benchmark (benchmark-provider-budget.ts) shared by its scenarios: the settings
 * read from the environment, a vendor's rate limit (counts requests, answers 429 past its limit), a logger that
 * keeps the lines, and the table row of one cycle.
 */
import { LoggerService } from '@backstage/backend-plugin-api';
import knexFactory, { Knex } from 'knex';
import { HttpResponse, RequestHandler } from 'msw';
import { setupServer } from 'msw/node';
import { migrateDatabase } from '../../src/database/migrateDatabase';

export const SERVICES = Number(process.env.BENCH_SERVICES ?? 10_000);
export const VENDOR_LIMIT = Number(process.env.BENCH_VENDOR_LIMIT ?? 1200);
export const BUDGET = Number(process.env.BENCH_BUDGET ?? 1000);
export const CYCLE_MS = Number(process.env.BENCH_CYCLE_SECONDS ?? 60) * 1000;
/** When every service got its last data: an earlier cycle. */
export const LAST_CYCLE = new Date(Date.now() - 10 * 60_000);
/** The budget of the budgeted scenarios. */
export const BUDGET_SETTINGS = {
  requestsPerMinute: BUDGET,
  maxConcurrency: 4,
  maxWaitSeconds: 30,
};

/** Requests a vendor received and answered with 429. */
export interface VendorStats {
  requests: number;
  tooMany: number;
}

/**
 * A vendor's rate limit: `admit()` counts a request and returns the 429 response (with Retry-After) to send when
 * VENDOR_LIMIT requests were accepted in the last 60 s, or undefined to answer it.
 */
export function rateLimitedVendor(tooManyBody: unknown) {
  const stats: VendorStats = { requests: 0, tooMany: 0 };
  const accepted: number[] = [];
  const admit = () => {
    stats.requests += 1;
    const now = Date.now();
    while (accepted.length && accepted[0] <= now - 60_000) accepted.shift();
    if (accepted.length >= VENDOR_LIMIT) {
      stats.tooMany += 1;
      const retryAfter = Math.ceil((accepted[0] + 60_000 - now) / 1000);
      return HttpResponse.json(tooManyBody as Record<string, unknown>, {
        status: 429,
        headers: { 'Retry-After': String(retryAfter) },
      });
    }
    accepted.push(now);
    return undefined;
  };
  return { stats, admit };
}

/** A logger that keeps warnings, errors and infos as lines. */
export function linesLogger(lines: string[]): LoggerService {
  const logger: LoggerService = {
    error: message => void lines.push(`error: ${message}`),
    warn: message => void lines.push(`warn: ${message}`),
    info: message => void lines.push(`info: ${message}`),
    debug: () => {},
    child: () => logger,
  };
  return logger;
}

/** What one cycle did. */
export interface CycleResult {
  requests: number;
  tooMany: number;
  wallMs: number;
  refreshed: number;
  stale: number;
  perServiceWarnings: number;
  /** The refresher's summary lines. */
  summary: string[];
}

/** Prints the table row of a cycle, with the refresher's summary lines under it. */
export function printRow(
  name: string,
  budget: Record<string, number> | undefined,
  result: CycleResult,
) {
  // eslint-disable-next-line no-console
  console.log(
    [
      `| ${name} | ${budget ? JSON.stringify(budget) : '-'} | ${
        result.requests
      } | ${result.tooMany} | ${(result.wallMs / 1000).toFixed(1)} s | ${
        result.refreshed
      } | ${result.stale} | ${result.perServiceWarnings} |`,
      ...result.summary.map(l => `    ${l}`),
    ].join('\n'),
  );
}

/** The table's header. */
export const TABLE_HEADER = [
  '| scenario | budget | requests | 429s | wall time | refreshed | stale (last data kept) | per-service warnings |',
  '| --- | --- | --- | --- | --- | --- | --- | --- |',
];

/**
 * What a scenario runs against: the msw-backed vendor answering `handlers`, and the plugin's migrated database
 * (SQLite in memory). `close()` stops both.
 */
export async function scenarioSetup(handlers: RequestHandler[]): Promise<{
  knex: Knex;
  close: () => Promise<void>;
}> {
  const server = setupServer(...handlers);
  server.listen({ onUnhandledRequest: 'error' });
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: ':memory:',
    useNullAsDefault: true,
  });
  await migrateDatabase(knex);
  return {
    knex,
    close: async () => {
      server.close();
      await knex.destroy();
    },
  };
}
