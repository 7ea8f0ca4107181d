import { OnCallPerson, OnCallSnapshot } from './types';

/**
 * On-call state of one entity as served by `GET /entities/:kind/:namespace/:name/oncall`.
 * A provider failure is never reported as "nobody is on call": it is an `error` state that carries
 * the last good snapshot when there is one.
 *
 * @public
 */
export type EntityOnCall =
  | {
      status: 'ok';
      entityRef: string;
      /** Owning group or user (spec.owner, normalised), when the entity has one. */
      owner?: string;
      snapshot: OnCallSnapshot;
    }
  | {
      status: 'not-configured';
      entityRef: string;
      owner?: string;
      /** Annotations any of which would configure on-call for this entity. */
      annotations: string[];
    }
  | {
      status: 'error';
      entityRef: string;
      owner?: string;
      provider?: string;
      message: string;
      /** Last good snapshot, if one was ever fetched. */
      lastKnown?: OnCallSnapshot;
      /** When the last good snapshot was computed (ISO 8601). */
      lastKnownAt?: string;
    };

/** On-call load of one person over the team view's window. @public */
export interface OnCallPersonLoad {
  person: OnCallPerson;
  /** Hours on call (any escalation level) within the window. */
  hoursOnCall: number;
  /**
   * Number of distinct shifts that overlap the window: shifts of several services or escalation levels that overlap
   * count as one (one person carrying them); back-to-back shifts count apart.
   */
  shiftCount: number;
  /** Share (0..1) of the on-call hours outside Mon-Fri 09:00-17:00 in the rotation's time zone; null with no hours. */
  outOfHoursShare: number | null;
}

/** One entity owned by a group, in the group's on-call view. @public */
export interface GroupOnCallEntity {
  entityRef: string;
  title?: string;
  provider: string | null;
  status: EntityOnCall['status'];
  /** Error message, when the provider failed (the people shown are then the last known). */
  message?: string;
  primary: OnCallPerson | null;
  primaryUntil: string | null;
  secondary: OnCallPerson | null;
  /** Distinct people in the primary (level 1) rotation. */
  primaryRotationSize: number;
  /** True when the primary rotation has a single person: nobody to hand over to. */
  singlePersonRotation: boolean;
  updatedAt: string | null;
}

/** The on-call view of a team (`GET /groups/:namespace/:name/oncall`). @public */
export interface GroupOnCall {
  groupRef: string;
  /** Start and end (ISO 8601) of the window the load is computed over. */
  loadWindow: { from: string; to: string };
  entities: GroupOnCallEntity[];
  load: OnCallPersonLoad[];
}
