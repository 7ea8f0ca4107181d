import { Entity } from '@backstage/catalog-model';
import { OnCallSnapshot } from '@internal/backstage-plugin-reliability-common';
import {
  deadlineSignal,
  OnCallProvider,
} from '@internal/backstage-plugin-reliability-node';
import { PeopleResolver } from './PeopleResolver';
import { compareShiftStart } from './shiftOrder';

/** What a provider answered for an entity: its snapshot, or why it failed. */
export type OnCallAnswer =
  | { status: 'ok'; snapshot: OnCallSnapshot }
  | { status: 'error'; error: unknown; message: string };

/** The message shown for a provider failure. */
export function messageOf(error: unknown): string {
  // DOMExceptions (timeouts, aborts) are not always `instanceof Error`.
  const { name, message } = (error ?? {}) as {
    name?: string;
    message?: string;
  };
  if (name === 'TimeoutError' || name === 'AbortError') {
    return 'The on-call provider did not answer in time';
  }
  return typeof message === 'string' && message ? message : String(error);
}

/**
 * Asks the provider who is on call for the entity at `at`, within `timeoutMs`, and normalises the snapshot:
 * people linked to catalog users, upcoming shifts in order. Never throws: a failure is an 'error' answer.
 * Stores nothing; the on-request path and the refresher each store the answer their own way.
 */
export async function callOnCallProvider(options: {
  provider: OnCallProvider;
  entity: Entity;
  at: Date;
  horizonDays: number;
  timeoutMs: number;
  people: PeopleResolver;
  /** End of the refresh cycle: no wait for a vendor budget turn goes beyond it. */
  waitUntil?: number;
}): Promise<OnCallAnswer> {
  try {
    let snapshot = await options.provider.getOnCall({
      entity: options.entity,
      at: options.at,
      horizonDays: options.horizonDays,
      // Tells the provider's HTTP client the deadline: no retry or budget wait outlives it.
      signal: deadlineSignal(options.timeoutMs, {
        waitUntil: options.waitUntil,
      }),
    });
    snapshot = await options.people.resolve(snapshot);
    // Providers mix offsets (+09:00, Z): order by instant, whatever the provider did.
    snapshot = {
      ...snapshot,
      upcoming: [...snapshot.upcoming].sort(compareShiftStart),
    };
    return { status: 'ok', snapshot };
  } catch (error) {
    return { status: 'error', error, message: messageOf(error) };
  }
}
