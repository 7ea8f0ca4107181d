import { Entity } from '@backstage/catalog-model';
import {
  entityRefKey,
  EntityOnCall,
  GroupOnCall,
  GroupOnCallEntity,
  OnCallPerson,
  OnCallSnapshot,
} from '@internal/backstage-plugin-reliability-common';
import { OnCallProvider } from '@internal/backstage-plugin-reliability-node';
import { mapWithConcurrency } from '../shared/concurrency';
import { describeSnapshot } from './describeSnapshot';
import { computeShiftLoad } from './shiftLoad';
import { OnCallStore } from './store/OnCallStore';

/** Window the team's on-call load is computed over. */
export const LOAD_WINDOW_DAYS = 90;
/** Parallel provider calls when the materialised state of an entity is missing or old. */
const CONCURRENCY = 4;

function providerOf(state: EntityOnCall): string | null {
  if (state.status === 'ok') return state.snapshot.provider;
  if (state.status === 'error') return state.provider ?? null;
  return null;
}

function entry(
  entity: Entity,
  state: EntityOnCall,
  now: Date,
  updatedAt: string | null,
): GroupOnCallEntity {
  const entityRef = entityRefKey(entity);
  let snapshot: OnCallSnapshot | undefined;
  if (state.status === 'ok') snapshot = state.snapshot;
  if (state.status === 'error') snapshot = state.lastKnown;
  const digest = snapshot ? describeSnapshot(snapshot, now) : undefined;
  return {
    entityRef,
    title: entity.metadata.title,
    provider: providerOf(state),
    status: state.status,
    message: state.status === 'error' ? state.message : undefined,
    primary: digest?.primary ?? null,
    primaryUntil: digest?.primaryUntil ?? null,
    secondary: digest?.secondary ?? null,
    primaryRotationSize: digest?.primaryRotationSize ?? 0,
    singlePersonRotation: digest?.primaryRotationSize === 1,
    updatedAt,
  };
}

/** What the team view needs of the on-call service (which passes itself). */
export interface EntityOnCallReader {
  providerFor(entity: Entity): OnCallProvider | undefined;
  getEntityOnCall(entity: Entity): Promise<EntityOnCall>;
  resolvePeople(people: OnCallPerson[]): Promise<OnCallPerson[]>;
}

/**
 * The on-call view of a team over the entities it owns: who is on call now (from the materialised state
 * when it is fresh, else from the provider), the load per person over the last 90 days, and services
 * whose primary rotation has a single person.
 */
export async function buildGroupOnCall(options: {
  groupRef: string;
  entities: Entity[];
  service: EntityOnCallReader;
  store: OnCallStore;
  now: Date;
  /** Materialised state older than this is fetched again. */
  maxAgeMs: number;
}): Promise<GroupOnCall> {
  const { service, store, now } = options;
  const configured = options.entities.filter(e => service.providerFor(e));
  const refs = configured.map(e => entityRefKey(e));
  const latest = await store.getLatest(refs);

  const entities = await mapWithConcurrency(
    configured,
    CONCURRENCY,
    async entity => {
      const ref = entityRefKey(entity);
      const row = latest.get(ref);
      const fresh =
        row && now.getTime() - row.updatedAt.getTime() <= options.maxAgeMs;
      if (row && fresh) {
        const state: EntityOnCall =
          row.error || !row.snapshot
            ? {
                status: 'error',
                entityRef: ref,
                provider: row.provider,
                message: row.error ?? 'No on-call data yet',
                lastKnown: row.snapshot ?? undefined,
                lastKnownAt: row.snapshotAt?.toISOString(),
              }
            : { status: 'ok', entityRef: ref, snapshot: row.snapshot };
        return entry(entity, state, now, row.updatedAt.toISOString());
      }
      const state = await service.getEntityOnCall(entity);
      return entry(entity, state, now, now.toISOString());
    },
  );

  const from = new Date(now.getTime() - LOAD_WINDOW_DAYS * 86_400_000);
  const shifts = await store.getShifts(refs, from, now);
  const load = computeShiftLoad(shifts, from, now);
  // Shifts are stored as the provider named the people: show catalog display names.
  const people = await service.resolvePeople(load.map(row => row.person));
  return {
    groupRef: options.groupRef,
    loadWindow: { from: from.toISOString(), to: now.toISOString() },
    entities: entities.sort((a, b) => a.entityRef.localeCompare(b.entityRef)),
    load: load.map((row, i) => ({ ...row, person: people[i] ?? row.person })),
  };
}
