import { Knex } from 'knex';
import { chunk } from '../../shared/chunk';
import { dbCount, dbDate } from '../../shared/dbValues';
import { deleteRefsNotIn } from '../../shared/refsNotIn';
import { ServiceListing } from '../serviceRows';
import {
  ServicesIndexFilters,
  ServicesIndexKey,
  ServicesIndexPage,
  ServicesIndexPageQuery,
  ServicesIndexPass,
  ServicesIndexStore,
} from './ServicesIndexStore';

const TABLE = 'overview_services';
const PASS_TABLE = 'overview_services_pass';
/** Key of the one row of {@link PASS_TABLE}. */
const LAST_PASS = 'last';
/** Refs per `IN` list, and rows per multi-row upsert (14 columns each): far below the bind-parameter limits. */
const REFS_PER_QUERY = 1000;
const ROWS_PER_UPSERT = 250;

interface Row {
  entity_ref: string;
  namespace: string;
  name: string;
  name_key: string;
  title: string | null;
  type: string | null;
  lifecycle: string | null;
  owner_ref: string | null;
  system_ref: string | null;
  domain_ref: string | null;
  tier: string | null;
  tier_key: string | null;
  search_text: string;
}

const lower = (value: string) => value.toLowerCase();

/** The name part of a `kind:namespace/name` ref (what a catalog entity's `spec.owner` usually says). */
const refName = (ref: string | null) =>
  ref === null ? null : ref.slice(ref.lastIndexOf('/') + 1);

/**
 * What the free-text filter searches: the name, title, owner name and system name in lower case, one per line (a
 * text with a line break matches nothing, so a match never spans two fields).
 */
function searchTextOf(listing: ServiceListing): string {
  const { name, title, owner, system } = listing;
  return [name, title, refName(owner), refName(system)]
    .filter((value): value is string => Boolean(value))
    .map(lower)
    .join('\n');
}

function toRow(listing: ServiceListing): Row {
  return {
    entity_ref: listing.entityRef,
    namespace: listing.namespace,
    name: listing.name,
    name_key: lower(listing.name),
    title: listing.title,
    type: listing.type,
    lifecycle: listing.lifecycle,
    owner_ref: listing.owner,
    system_ref: listing.system,
    domain_ref: listing.domain,
    tier: listing.tier,
    tier_key: listing.tier === null ? null : lower(listing.tier),
    search_text: searchTextOf(listing),
  };
}

function toListing(row: Row): ServiceListing {
  return {
    entityRef: row.entity_ref,
    name: row.name,
    namespace: row.namespace,
    title: row.title,
    type: row.type,
    lifecycle: row.lifecycle,
    owner: row.owner_ref,
    system: row.system_ref,
    domain: row.domain_ref,
    tier: row.tier,
  };
}

const COLUMNS: Array<keyof Row> = [
  'entity_ref',
  'namespace',
  'name',
  'name_key',
  'title',
  'type',
  'lifecycle',
  'owner_ref',
  'system_ref',
  'domain_ref',
  'tier',
  'tier_key',
  'search_text',
];

function sameRow(a: Row, b: Row): boolean {
  return COLUMNS.every(column => (a[column] ?? null) === (b[column] ?? null));
}

/** `LIKE` pattern matching `text` anywhere, with `%`, `_` and the escape character taken literally. */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, c => `\\${c}`)}%`;
}

/** Where `listing` sits in the index's order for `sort` (the key a next page starts after). */
function servicesIndexKeyOf(
  listing: ServiceListing,
  sort: ServicesIndexPageQuery['sort'],
): ServicesIndexKey {
  const name = lower(listing.name);
  const fields = {
    name,
    owner: listing.owner,
    system: listing.system,
    tier: listing.tier === null ? null : lower(listing.tier),
  };
  const value = fields[sort];
  return {
    missing: value === null,
    value: value ?? '',
    name,
    ref: listing.entityRef,
  };
}

/** Column each sort field orders by (besides the name). */
const SORT_COLUMNS = {
  owner: 'owner_ref',
  system: 'system_ref',
  tier: 'tier_key',
} as const;

/** {@link ServicesIndexStore} on the plugin's database. */
export class KnexServicesIndexStore implements ServicesIndexStore {
  private readonly knex: Knex;

  constructor(options: { knex: Knex }) {
    this.knex = options.knex;
  }

  async syncListings(listings: ServiceListing[]): Promise<number> {
    let written = 0;
    for (const slice of chunk(listings, REFS_PER_QUERY)) {
      const stored = new Map<string, Row>();
      const rows: Row[] = await this.knex(TABLE).whereIn(
        'entity_ref',
        slice.map(listing => listing.entityRef),
      );
      for (const row of rows) stored.set(row.entity_ref, row);
      const changed = slice.map(toRow).filter(row => {
        const before = stored.get(row.entity_ref);
        return !before || !sameRow(before, row);
      });
      for (const upsert of chunk(changed, ROWS_PER_UPSERT)) {
        await this.knex(TABLE).insert(upsert).onConflict('entity_ref').merge();
      }
      written += changed.length;
    }
    return written;
  }

  async deleteNotIn(entityRefs: ReadonlySet<string>): Promise<number> {
    return deleteRefsNotIn(this.knex, TABLE, entityRefs, {
      refsPerDelete: REFS_PER_QUERY,
    });
  }

  async recordPass(listedAt: Date, serviceCount: number): Promise<void> {
    await this.knex(PASS_TABLE)
      .insert({
        pass: LAST_PASS,
        listed_at: listedAt,
        service_count: serviceCount,
      })
      .onConflict('pass')
      .merge();
  }

  async lastPass(): Promise<ServicesIndexPass | undefined> {
    const row = await this.knex(PASS_TABLE).where({ pass: LAST_PASS }).first();
    return row
      ? {
          listedAt: dbDate(row.listed_at),
          serviceCount: dbCount(row.service_count),
        }
      : undefined;
  }

  async pageListings(
    query: ServicesIndexPageQuery,
  ): Promise<ServicesIndexPage> {
    const { filters, sort, order, after, limit, includeTotal } = query;
    // One row past the page says whether another follows.
    const page = this.filtered(filters)
      .select('*')
      .limit(limit + 1);
    if (!after) page.offset(query.offset);
    // Strictly after `after` in the order's direction.
    const beyond = order === 'asc' ? '>' : '<';
    if (sort === 'name') {
      page.orderBy([
        { column: 'name_key', order },
        { column: 'entity_ref', order },
      ]);
      if (after) {
        page.whereRaw(`(name_key, entity_ref) ${beyond} (?, ?)`, [
          after.name,
          after.ref,
        ]);
      }
    } else {
      const column = SORT_COLUMNS[sort];
      const missing = this.knex.raw('CASE WHEN ?? IS NULL THEN 1 ELSE 0 END', [
        column,
      ]);
      const value = this.knex.raw(`COALESCE(??, '')`, [column]);
      // Services without the field come last in both directions; ties by name, then ref.
      page
        .orderBy(missing, 'asc')
        .orderBy(value, order)
        .orderBy([
          { column: 'name_key', order: 'asc' },
          { column: 'entity_ref', order: 'asc' },
        ]);
      if (after) {
        const m = after.missing ? 1 : 0;
        page.where(next =>
          next
            .where(missing, '>', m)
            .orWhere(same =>
              same
                .where(missing, '=', m)
                .andWhere(field =>
                  field
                    .where(value, beyond, after.value)
                    .orWhere(tie =>
                      tie
                        .where(value, '=', after.value)
                        .andWhereRaw('(name_key, entity_ref) > (?, ?)', [
                          after.name,
                          after.ref,
                        ]),
                    ),
                ),
            ),
        );
      }
    }
    const [rows, count] = await Promise.all([
      page as Promise<Row[]>,
      includeTotal
        ? this.filtered(filters).count({ n: '*' })
        : Promise.resolve(undefined),
    ]);
    const listings = rows.slice(0, limit).map(toListing);
    return {
      listings,
      totalItems: count ? dbCount(count[0]?.n) : undefined,
      next:
        rows.length > limit
          ? servicesIndexKeyOf(listings[listings.length - 1], sort)
          : undefined,
    };
  }

  async listingsByRefs(
    entityRefs: string[],
    filters: ServicesIndexFilters,
  ): Promise<Array<ServiceListing | null>> {
    const found = new Map<string, ServiceListing>();
    for (const slice of chunk([...new Set(entityRefs)], REFS_PER_QUERY)) {
      const rows: Row[] = await this.filtered(filters)
        .select('*')
        .whereIn('entity_ref', slice);
      for (const row of rows) found.set(row.entity_ref, toListing(row));
    }
    return entityRefs.map(ref => found.get(ref) ?? null);
  }

  /** The table with the filters' conditions (each one an indexed column, but the text). */
  private filtered(filters: ServicesIndexFilters): Knex.QueryBuilder {
    const query = this.knex(TABLE);
    if (filters.ownerRef) query.where('owner_ref', filters.ownerRef);
    if (filters.systemRef) query.where('system_ref', filters.systemRef);
    if (filters.domainRef) query.where('domain_ref', filters.domainRef);
    if (filters.tier) query.where('tier_key', filters.tier);
    if (filters.text?.includes('\n')) {
      query.whereRaw('1 = 0');
    } else if (filters.text) {
      query.whereRaw(`search_text LIKE ? ESCAPE '\\'`, [
        containsPattern(filters.text),
      ]);
    }
    return query;
  }
}
