/** A person who can be on call. `userRef` links to a catalog User when the provider can resolve one. @public */
export interface OnCallPerson {
  name: string;
  email?: string;
  userRef?: string;
  /** Provider-side id (PagerDuty user id, Opsgenie username, ...). */
  externalId?: string;
}

/** One shift: who is on call at an escalation level, from when until when (ISO 8601). @public */
export interface OnCallShift {
  person: OnCallPerson;
  escalationLevel: number;
  scheduleName?: string;
  start: string;
  /** null when the provider does not say when the shift ends (shown as "unknown", never invented). */
  end: string | null;
  /** IANA time zone of the rotation, used to tell office hours from out-of-hours load. */
  timeZone?: string;
}

/** One step of an escalation chain. @public */
export interface EscalationLevel {
  level: number;
  /** Minutes after which an unacknowledged page escalates to the next level. */
  escalateAfterMinutes?: number;
  targets: Array<{
    kind: 'schedule' | 'person' | 'team';
    name: string;
    person?: OnCallPerson;
  }>;
  runbook?: string;
}

/** The people of one rotation (schedule) at an escalation level, whether on call now or not. @public */
export interface OnCallRotation {
  level: number;
  scheduleName: string;
  members: OnCallPerson[];
}

/** What one on-call provider knows about an entity at a given instant. @public */
export interface OnCallSnapshot {
  provider: string;
  /** Link to the schedule or service in the provider's own UI, if any. */
  externalUrl?: string;
  /** Shifts active at the requested instant, lowest escalation level first. */
  current: OnCallShift[];
  /** The next shift (per escalation level) that starts after the requested instant. */
  next: OnCallShift[];
  /** Upcoming shifts within the requested horizon. */
  upcoming: OnCallShift[];
  escalation: EscalationLevel[];
  /** Everyone in the entity's rotations, when the provider knows them (used to flag single-person rotations). */
  rotations?: OnCallRotation[];
  /** How to reach the on-call team (channel, phone bridge, ...). */
  contact?: Array<{ type: string; value: string }>;
  computedAt: string;
}
