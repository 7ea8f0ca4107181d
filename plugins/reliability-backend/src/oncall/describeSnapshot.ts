import {
  OnCallPerson,
  OnCallShift,
  OnCallSnapshot,
} from '@internal/backstage-plugin-reliability-common';
import { personKey } from './people';

/** What the summaries and the team view show of a snapshot, evaluated at `now`. */
export interface SnapshotDigest {
  primary: OnCallPerson | null;
  primaryUntil: string | null;
  secondary: OnCallPerson | null;
  /** Distinct people in the level-1 rotation. */
  primaryRotationSize: number;
  /** Distinct people in the level-1 and level-2 rotations. */
  peopleInRotation: number;
}

function shiftAt(
  shifts: OnCallShift[],
  level: number,
  now: number,
): OnCallShift | undefined {
  return shifts.find(
    shift =>
      shift.escalationLevel === level &&
      Date.parse(shift.start) <= now &&
      // An unknown end (the provider did not say) means the shift is still on.
      (shift.end === null || now < Date.parse(shift.end)),
  );
}

function distinct(people: OnCallPerson[]): number {
  return new Set(people.map(personKey)).size;
}

function rotationPeople(
  snapshot: OnCallSnapshot,
  levels: number[],
): OnCallPerson[] {
  const fromRotations = (snapshot.rotations ?? [])
    .filter(rotation => levels.includes(rotation.level))
    .flatMap(rotation => rotation.members);
  const fromShifts = [...snapshot.current, ...snapshot.upcoming]
    .filter(shift => levels.includes(shift.escalationLevel))
    .map(shift => shift.person);
  return [...fromRotations, ...fromShifts];
}

/**
 * Who is primary and secondary at `now` according to a (possibly minutes-old) snapshot: shifts that have
 * started since it was taken are picked from its upcoming shifts.
 */
export function describeSnapshot(
  snapshot: OnCallSnapshot,
  now: Date,
): SnapshotDigest {
  const at = now.getTime();
  const shifts = [...snapshot.current, ...snapshot.upcoming];
  const primary = shiftAt(shifts, 1, at);
  const secondaryShift = shiftAt(shifts, 2, at);
  const secondaryTarget = snapshot.escalation
    .find(level => level.level === 2)
    ?.targets.find(target => target.person)?.person;
  return {
    primary: primary?.person ?? null,
    primaryUntil: primary?.end ?? null,
    secondary: secondaryShift?.person ?? secondaryTarget ?? null,
    primaryRotationSize: distinct(rotationPeople(snapshot, [1])),
    peopleInRotation: distinct(rotationPeople(snapshot, [1, 2])),
  };
}
