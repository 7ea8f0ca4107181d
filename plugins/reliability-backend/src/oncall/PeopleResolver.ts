import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  entityRefKey,
  OnCallPerson,
  OnCallSnapshot,
} from '@internal/backstage-plugin-reliability-common';

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

/**
 * Links on-call people to catalog users: by user ref (filling in display name and email), by email
 * (filling in the ref), or by a plain name that is a user's name in the default namespace.
 * Lookups are batched: at most two catalog requests per snapshot.
 */
export class PeopleResolver {
  private readonly catalog: CatalogService;
  private readonly auth: AuthService;
  private readonly logger: LoggerService;

  constructor(options: {
    catalog: CatalogService;
    auth: AuthService;
    logger: LoggerService;
  }) {
    this.catalog = options.catalog;
    this.auth = options.auth;
    this.logger = options.logger;
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
      const credentials = await this.auth.getOwnServiceCredentials();
      const byRef = new Map<string, CatalogUser>();
      const byEmail = new Map<string, CatalogUser>();
      if (refs.size > 0) {
        const { items } = await this.catalog.getEntitiesByRefs(
          { entityRefs: [...refs], fields: USER_FIELDS },
          { credentials },
        );
        for (const entity of items) {
          if (entity?.kind.toLowerCase() !== 'user') continue;
          const user = toCatalogUser(entity);
          byRef.set(user.userRef, user);
        }
      }
      if (emails.size > 0) {
        const { items } = await this.catalog.getEntities(
          {
            filter: { kind: 'user', 'spec.profile.email': [...emails] },
            fields: USER_FIELDS,
          },
          { credentials },
        );
        for (const entity of items) {
          const user = toCatalogUser(entity);
          if (user.email) byEmail.set(user.email, user);
        }
      }
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
}
