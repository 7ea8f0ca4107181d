import { InputError } from '@backstage/errors';
import {
  OVERVIEW_DEFAULT_LIMIT,
  OVERVIEW_MAX_LIMIT,
  OVERVIEW_SORT_FIELDS,
} from '@internal/backstage-plugin-reliability-common';
import { z } from 'zod';
import { parseInput } from '../shared/parseInput';
import { ServicesIndexKey } from './store/ServicesIndexStore';

/** Empty query-string values (`?team=`) mean "no filter". */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess(value => (value === '' ? undefined : value), schema.optional());

const filterText = z.string().trim().min(1).max(200);

/** `true` / `false` of a query string as booleans (cursors carry real booleans); anything else is left to fail. */
function booleanText(value: unknown): unknown {
  if (value === 'true') return true;
  if (value === 'false') return false;
  return value;
}

/** Filters and sort of an overview query: what an opaque cursor carries between pages. */
export const overviewFiltersSchema = z
  .object({
    team: optional(filterText),
    system: optional(filterText),
    domain: optional(filterText),
    tier: optional(
      z
        .string()
        .regex(/^[A-Za-z0-9._-]{1,63}$/, 'expected a tier such as tier-1'),
    ),
    level: optional(
      z
        .string()
        .regex(/^[A-Za-z0-9._-]{1,63}$/, 'expected a maturity level name'),
    ),
    policy: optional(
      z
        .string()
        .regex(
          /^[A-Za-z0-9][A-Za-z0-9-]{0,39}$/,
          'expected a policy state such as frozen, review, ok or no-data',
        ),
    ),
    campaign: optional(
      z
        .string()
        .regex(
          /^[a-z0-9][a-z0-9-]{0,63}$/,
          'expected a campaign id (lower-case letters, digits and dashes)',
        ),
    ),
    // `true` (query string or cursor): only the campaign's services that do not meet its target yet.
    campaignOpen: optional(z.preprocess(booleanText, z.boolean())),
    q: optional(z.string().trim().min(1).max(100)),
    sort: z.enum(OVERVIEW_SORT_FIELDS).default('name'),
    order: z.enum(['asc', 'desc']).default('asc'),
  })
  .strict();

/** Validated filters and sort of an overview query. */
export type OverviewFilters = z.infer<typeof overviewFiltersSchema>;

const querySchema = overviewFiltersSchema.extend({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(OVERVIEW_MAX_LIMIT)
    .default(OVERVIEW_DEFAULT_LIMIT),
  cursor: z.string().max(4096).optional(),
});

/** A validated overview request: either filters (first page) or a cursor (later pages). */
export interface OverviewRequest {
  limit: number;
  filters: OverviewFilters;
  offset: number;
  /** Total known from an earlier page, so later pages skip the count. */
  totalItems?: number;
  /**
   * The catalog's own cursor for this page (catalog-ordered pages after the first): keyset paging, so a deep
   * page costs what the first does instead of an OFFSET scan. It carries the same filters and sort.
   */
  catalogCursor?: string;
  /** Where this page starts in the services index (pages listed from it after the first): keyset paging. */
  indexKey?: ServicesIndexKey;
}

/** Longest catalog cursor an overview cursor carries (longer ones fall back to offset paging). */
export const MAX_CATALOG_CURSOR_LENGTH = 1200;

const cursorSchema = z
  .object({
    v: z.literal(1),
    f: overviewFiltersSchema,
    o: z.number().int().min(0).max(1_000_000),
    t: z.number().int().min(0).optional(),
    c: z.string().max(MAX_CATALOG_CURSOR_LENGTH).optional(),
    // Services index key: missing, value, name, ref (the index's column sizes).
    k: z
      .tuple([
        z.boolean(),
        z.string().max(512),
        z.string().max(256),
        z.string().max(512),
      ])
      .optional(),
  })
  .strict();

/**
 * Encodes the opaque cursor of a page: the filters and sort, the offset, the known total and, for catalog-ordered
 * pages, the catalog's cursor of the page (left out when longer than {@link MAX_CATALOG_CURSOR_LENGTH}, the page is
 * then read by offset) or, for pages listed from the services index, the index key the page starts after. Either
 * source reads the offset when the other's position is all the cursor holds. It stays small (filters are bounded) whatever the filters pre-select, so it fits a URL.
 */
export function encodeCursor(
  filters: OverviewFilters,
  offset: number,
  totalItems?: number,
  catalogCursor?: string,
  indexKey?: ServicesIndexKey,
): string {
  const c =
    catalogCursor && catalogCursor.length <= MAX_CATALOG_CURSOR_LENGTH
      ? catalogCursor
      : undefined;
  const k = indexKey
    ? [indexKey.missing, indexKey.value, indexKey.name, indexKey.ref]
    : undefined;
  return Buffer.from(
    JSON.stringify({ v: 1, f: filters, o: offset, t: totalItems, c, k }),
    'utf8',
  ).toString('base64url');
}

function parseCursor(cursor: string): z.infer<typeof cursorSchema> {
  let decoded: unknown;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(cursor)) {
      throw new Error('not base64url');
    }
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InputError('Invalid cursor');
  }
  const result = cursorSchema.safeParse(decoded);
  if (!result.success) {
    throw new InputError('Invalid cursor');
  }
  return result.data;
}

/** Decodes an opaque cursor into the request of the page it points to (without `limit`). */
export function decodeCursor(cursor: string): Omit<OverviewRequest, 'limit'> {
  const decoded = parseCursor(cursor);
  return {
    filters: decoded.f,
    offset: decoded.o,
    totalItems: decoded.t,
    catalogCursor: decoded.c,
    indexKey: decoded.k
      ? {
          missing: decoded.k[0],
          value: decoded.k[1],
          name: decoded.k[2],
          ref: decoded.k[3],
        }
      : undefined,
  };
}

/**
 * Parses the query string of `/overview` and `/overview.csv`. With a cursor, filters and sort come from the
 * cursor (as with the catalog's own cursors); only `limit` may change between pages.
 */
export function parseOverviewRequest(query: unknown): OverviewRequest {
  const { limit, cursor, ...filters } = parseInput(
    querySchema,
    query,
    'overview query',
  );
  if (cursor !== undefined) {
    return { limit, ...decodeCursor(cursor) };
  }
  if (filters.campaignOpen && !filters.campaign) {
    throw new InputError(
      'Invalid overview query: campaignOpen needs a campaign',
    );
  }
  return { limit, filters, offset: 0 };
}
