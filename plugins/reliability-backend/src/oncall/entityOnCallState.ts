import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATIONS,
  EntityOnCall,
  entityRefKey,
  OnCallSnapshot,
} from '@internal/backstage-plugin-reliability-common';
import { ownerRefOf } from '../shared/relationRef';
import { OnCallAnswer } from './callOnCallProvider';
import { LatestOnCall } from './store/OnCallStore';

/** Annotations that configure on-call, shown when an entity has none. */
export const ONCALL_ANNOTATIONS = [
  ANNOTATIONS.onCallSchedule,
  ANNOTATIONS.escalationPolicy,
  ANNOTATIONS.pagerDutyServiceId,
  ANNOTATIONS.opsgenieTeam,
];

/** Annotations of provider modules, and what to do when no installed provider serves them. */
const UNSERVED_HINTS = [
  {
    annotation: ANNOTATIONS.pagerDutyServiceId,
    hint: 'the PagerDuty on-call provider is not enabled (install the pagerduty backend module and set reliability.pagerduty.token)',
  },
  {
    annotation: ANNOTATIONS.opsgenieTeam,
    hint: 'the Opsgenie on-call provider is not enabled (install the opsgenie backend module and set reliability.opsgenie.apiKey)',
  },
];

/** The last good snapshot of an entity, served while its provider fails, and when it was taken. */
export interface LastKnownOnCall {
  snapshot: OnCallSnapshot;
  at: string;
}

/**
 * The state of an entity no installed provider supports: an error naming the missing provider module when
 * the entity is annotated for one, else "not configured" with the annotations that would configure it.
 */
export function unservedState(entity: Entity): EntityOnCall {
  const entityRef = entityRefKey(entity);
  const owner = ownerRefOf(entity);
  const unserved = UNSERVED_HINTS.find(hint =>
    entity.metadata.annotations?.[hint.annotation]?.trim(),
  );
  if (unserved) {
    return {
      status: 'error',
      entityRef,
      owner,
      message: `The entity is annotated ${unserved.annotation}, but ${unserved.hint}`,
    };
  }
  return {
    status: 'not-configured',
    entityRef,
    owner,
    annotations: ONCALL_ANNOTATIONS,
  };
}

/**
 * The state of an entity once its provider answered: the snapshot, or a degraded state carrying the last
 * known snapshot — never an empty "nobody is on call".
 */
export function answeredState(
  fetched: { entityRef: string; owner?: string; providerId: string },
  answer: OnCallAnswer,
  lastKnown?: LastKnownOnCall,
): EntityOnCall {
  const { entityRef, owner } = fetched;
  if (answer.status === 'ok') {
    return { status: 'ok', entityRef, owner, snapshot: answer.snapshot };
  }
  return {
    status: 'error',
    entityRef,
    owner,
    provider: fetched.providerId,
    message: answer.message,
    lastKnown: lastKnown?.snapshot,
    lastKnownAt: lastKnown?.at,
  };
}

/** The last good snapshot a state carries: an ok state's snapshot, or an error state's last known one. */
export function lastKnownOfState(
  state: EntityOnCall | undefined,
): LastKnownOnCall | undefined {
  if (state?.status === 'ok') {
    return { snapshot: state.snapshot, at: state.snapshot.computedAt };
  }
  if (state?.status === 'error' && state.lastKnown) {
    return { snapshot: state.lastKnown, at: state.lastKnownAt! };
  }
  return undefined;
}

/** The last good snapshot of a stored row. */
export function lastKnownOfRow(
  row: LatestOnCall | undefined,
): LastKnownOnCall | undefined {
  if (!row?.snapshot) return undefined;
  return {
    snapshot: row.snapshot,
    at: (row.snapshotAt ?? row.updatedAt).toISOString(),
  };
}
