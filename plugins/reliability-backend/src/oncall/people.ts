import { parseEntityRef } from '@backstage/catalog-model';
import {
  entityRefKey,
  OnCallPerson,
} from '@internal/backstage-plugin-reliability-common';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Turns a member as written in a schedule (`user:default/ana.silva`, `user:ana.silva`,
 * `ana.silva@example.com` or a plain name) into a person.
 */
export function personFromMember(member: string): OnCallPerson {
  const value = member.trim();
  if (EMAIL.test(value)) {
    return {
      name: value.split('@')[0],
      email: value.toLowerCase(),
    };
  }
  if (/^user:/i.test(value)) {
    const ref = parseEntityRef(value, { defaultKind: 'user' });
    return {
      name: ref.name,
      userRef: entityRefKey(ref),
    };
  }
  return { name: value };
}

/**
 * Keys of the person objects seen: the people of a compiled schedule are the same objects for every service
 * that shares it, and lower-casing them (then with `toLocaleLowerCase`) was 5–17 s of CPU in an on-call refresh of
 * 100,000 services.
 */
const keys = new WeakMap<OnCallPerson, string>();

/** Stable identity of a person across snapshots: catalog ref, else email, else provider id, else name. */
export function personKey(person: OnCallPerson): string {
  let key = keys.get(person);
  if (key === undefined) {
    key = (
      person.userRef ??
      person.email ??
      (person.externalId ? `id:${person.externalId}` : undefined) ??
      `name:${person.name}`
    ).toLowerCase();
    keys.set(person, key);
  }
  return key;
}
