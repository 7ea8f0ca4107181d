import {
  EntityOnCall,
  OnCallPerson,
  OnCallShift,
} from '@internal/backstage-plugin-reliability-common';
import { z } from 'zod/v3';

/** A person in an action's output. */
export function personSchema(zod: typeof z) {
  return zod.object({
    name: zod.string(),
    email: zod.string().nullable(),
    userRef: zod
      .string()
      .nullable()
      .describe('Catalog user entity ref, when the person is known there'),
  });
}

/** One on-call shift in an action's output. */
export function shiftSchema(zod: typeof z) {
  return zod.object({
    person: personSchema(zod),
    escalationLevel: zod
      .number()
      .describe('1 = primary (paged first), 2 = secondary, ...'),
    schedule: zod.string().nullable(),
    from: zod.string().nullable().describe('ISO 8601 start of the shift'),
    until: zod
      .string()
      .nullable()
      .describe(
        'ISO 8601 end of the shift; null when the provider does not say',
      ),
  });
}

/** The on-call state of one entity in an action's output. */
export function onCallSchema(zod: typeof z) {
  return zod.object({
    status: zod
      .enum(['ok', 'not-configured', 'error'])
      .describe(
        '"not-configured": the entity has no on-call annotation; "error": the provider failed and `now`/`next` are the last known data',
      ),
    provider: zod.string().nullable(),
    now: zod.array(shiftSchema(zod)).describe('Who is on call now'),
    next: zod.array(shiftSchema(zod)).describe('Who takes over next'),
    message: zod.string().nullable(),
    lastKnownAt: zod.string().nullable(),
  });
}

/** On-call output of an action. */
export type OnCallOutput = z.infer<ReturnType<typeof onCallSchema>>;
type ShiftOutput = z.infer<ReturnType<typeof shiftSchema>>;

/** A person as an action outputs it. */
export function personOutput(person: OnCallPerson) {
  return {
    name: person.name,
    email: person.email ?? null,
    userRef: person.userRef ?? null,
  };
}

function shiftOutput(shift: OnCallShift): ShiftOutput {
  return {
    person: personOutput(shift.person),
    escalationLevel: shift.escalationLevel,
    schedule: shift.scheduleName ?? null,
    from: shift.start,
    until: shift.end,
  };
}

/** The on-call state of an entity as an action outputs it (a failed provider still gives its last known shifts). */
export function onCallOutput(onCall: EntityOnCall): OnCallOutput {
  switch (onCall.status) {
    case 'ok':
      return {
        status: 'ok',
        provider: onCall.snapshot.provider,
        now: onCall.snapshot.current.map(shiftOutput),
        next: onCall.snapshot.next.map(shiftOutput),
        message: null,
        lastKnownAt: null,
      };
    case 'not-configured':
      return {
        status: 'not-configured',
        provider: null,
        now: [],
        next: [],
        message: `No on-call configured; annotate the entity with one of: ${onCall.annotations.join(
          ', ',
        )}`,
        lastKnownAt: null,
      };
    default:
      return {
        status: 'error',
        provider: onCall.provider ?? onCall.lastKnown?.provider ?? null,
        now: onCall.lastKnown?.current.map(shiftOutput) ?? [],
        next: onCall.lastKnown?.next.map(shiftOutput) ?? [],
        message: onCall.message,
        lastKnownAt: onCall.lastKnownAt ?? null,
      };
  }
}
