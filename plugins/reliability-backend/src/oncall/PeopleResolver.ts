import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  entityRefKey,
  OnCallPerson,
  OnCallSnapshot,
} from '@internal/backstage-plugin-reliability-common';
import { getOrLoadUnlessFailed, TtlCache } from '../shared/ttlCache';

const PLAIN_NAME = /^[a-z0-9][a-z0-9._-]{0,62}$/i;
const USER_FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'spec.profile.displayName',
  'spec.profile.email',
];

interface CatalogUser {
  userRef: string;
  name: string;
  email?: string;
}

function toCatalogUser(entity: Entity): CatalogUser {
  const profile = (entity.spec?.profile ?? {}) as {
    displayName?: string;
    email?: string;
  };
  return {
    userRef: entityRefKey(entity),
    name: profile.displayName ?? entity.metadata.title ?? entity.metadata.name,
    email: profile.email?.toLowerCase(),
  };
}

function peopleOf(snapshot: OnCallSnapshot): OnCallPerson[] {
  return [...snapshot.current, ...snapshot.next, ...snapshot.upcoming]
    .map(shift => shift.person)
    .concat(snapshot.rotations?.flatMap(r => r.members) ?? [])
    .concat(
      snapshot.escalation.flatMap(level =>
        level.targets.flatMap(target => (target.person ? [target.person] : [])),
      ),
    );
}

/** How long a catalog user (or its absence) is kept: a renamed user or a changed email shows within it. */
const USER_TTL_MS = 10 * 60_000;
/** Catalog users (and absences) kept at most. */
const USERS_KEPT = 20_000;

/**
 * Links on-call people to catalog users: by user ref (filling in display name and email), by email
 * (filling in the ref), or by a plain name that is a user's name in the default namespace.
 * Lookups are batched (at most two catalog requests per snapshot) and their answers kept for ten minutes, found or
 * not: the services of a team share its rotation, so a refresh of 10,000 services asks the catalog about each person
 * once instead of once or twice per service.
 */
export class PeopleResolver {
  private readonly catalog: CatalogService;
  private readonly auth: AuthService;
  private readonly logger: LoggerService;
  /** Catalog users by `ref:<user ref>` or `email:<email>`; null: no such user. */
  private readonly users: TtlCache<Promise<CatalogUser | null>>;

  constructor(options: {
    catalog: CatalogService;
    auth: AuthService;
    logger: LoggerService;
    /** The cache's clock (tests). */
    now?: () => Date;
  }) {
    this.catalog = options.catalog;
    this.auth = options.auth;
    this.logger = options.logger;
    this.users = new TtlCache({
      ttlMs: USER_TTL_MS,
      maxEntries: USERS_KEPT,
      now: options.now,
    });
  }

  async resolve(snapshot: OnCallSnapshot): Promise<OnCallSnapshot> {
    const link = await this.linker(peopleOf(snapshot));
    if (!link) return snapshot;
    return {
      ...snapshot,
      current: snapshot.current.map(s => ({ ...s, person: link(s.person) })),
      next: snapshot.next.map(s => ({ ...s, person: link(s.person) })),
      upcoming: snapshot.upcoming.map(s => ({
        ...s,
        person: link(s.person),
      })),
      rotations: snapshot.rotations?.map(r => ({
        ...r,
        members: r.members.map(link),
      })),
      escalation: snapshot.escalation.map(level => ({
        ...level,
        targets: level.targets.map(target => {
          if (!target.person) return target;
          const person = link(target.person);
          // A person target is shown by its person's (display) name.
          return { ...target, name: person.name, person };
        }),
      })),
    };
  }

  /** Links people (e.g. of the stored shifts behind the team's load table) to catalog users, in order. */
  async resolvePeople(people: OnCallPerson[]): Promise<OnCallPerson[]> {
    const link = await this.linker(people);
    return link ? people.map(link) : people;
  }

  /** A function linking each of `people` to its catalog user; undefined when there is nobody or the catalog failed. */
  private async linker(
    people: OnCallPerson[],
  ): Promise<((person: OnCallPerson) => OnCallPerson) | undefined> {
    if (people.length === 0) return undefined;
    const refs = new Set<string>();
    const emails = new Set<string>();
    for (const person of people) {
      if (person.userRef) refs.add(person.userRef);
      else if (person.email) emails.add(person.email.toLowerCase());
      else if (PLAIN_NAME.test(person.name)) {
        refs.add(
          entityRefKey({
            kind: 'user',
            namespace: 'default',
            name: person.name,
          }),
        );
      }
    }
    try {
      const [byRef, byEmail] = await Promise.all([
        this.lookUp('ref', [...refs], missing => this.usersByRef(missing)),
        this.lookUp('email', [...emails], missing =>
          this.usersByEmail(missing),
        ),
      ]);
      return (person: OnCallPerson): OnCallPerson => {
        const user =
          (person.userRef && byRef.get(person.userRef)) ||
          (person.email && byEmail.get(person.email.toLowerCase())) ||
          (!person.userRef &&
            !person.email &&
            byRef.get(`user:default/${person.name.toLowerCase()}`));
        if (!user) return person;
        return {
          ...person,
          userRef: user.userRef,
          name: user.name,
          email: person.email ?? user.email,
        };
      };
    } catch (error) {
      this.logger.warn(
        `Could not link on-call people to catalog users: ${
          (error as Error).message
        }`,
      );
      return undefined;
    }
  }

  /**
   * The catalog users of `keys` (refs or emails): kept ones from the cache, the others in ONE `read` whose answer is
   * kept per key (a key it does not find as null). A read that fails is not kept.
   */
  private async lookUp(
    kind: 'ref' | 'email',
    keys: string[],
    read: (missing: string[]) => Promise<Map<string, CatalogUser>>,
  ): Promise<Map<string, CatalogUser>> {
    const cacheKey = (key: string) => `${kind}:${key}`;
    const answers = new Map<string, Promise<CatalogUser | null>>();
    const missing: string[] = [];
    for (const key of keys) {
      const kept = this.users.get(cacheKey(key));
      if (kept) answers.set(key, kept);
      else missing.push(key);
    }
    if (missing.length > 0) {
      const found = read(missing);
      for (const key of missing) {
        answers.set(
          key,
          getOrLoadUnlessFailed(this.users, cacheKey(key), () =>
            found.then(users => users.get(key) ?? null),
          ),
        );
      }
    }
    const users = await Promise.all(keys.map(key => answers.get(key)!));
    const result = new Map<string, CatalogUser>();
    keys.forEach((key, i) => {
      const user = users[i];
      if (user) result.set(key, user);
    });
    return result;
  }

  /** Catalog users by ref, in ONE `getEntitiesByRefs`. */
  private async usersByRef(refs: string[]): Promise<Map<string, CatalogUser>> {
    const { items } = await this.catalog.getEntitiesByRefs(
      { entityRefs: refs, fields: USER_FIELDS },
      { credentials: await this.auth.getOwnServiceCredentials() },
    );
    const byRef = new Map<string, CatalogUser>();
    for (const entity of items) {
      if (entity?.kind.toLowerCase() !== 'user') continue;
      const user = toCatalogUser(entity);
      byRef.set(user.userRef, user);
    }
    return byRef;
  }

  /** Catalog users by (lower-cased) email, in ONE `getEntities`. */
  private async usersByEmail(
    emails: string[],
  ): Promise<Map<string, CatalogUser>> {
    const { items } = await this.catalog.getEntities(
      {
        filter: { kind: 'user', 'spec.profile.email': emails },
        fields: USER_FIELDS,
      },
      { credentials: await this.auth.getOwnServiceCredentials() },
    );
    const byEmail = new Map<string, CatalogUser>();
    for (const entity of items) {
      const user = toCatalogUser(entity);
      if (user.email) byEmail.set(user.email, user);
    }
    return byEmail;
  }
}
