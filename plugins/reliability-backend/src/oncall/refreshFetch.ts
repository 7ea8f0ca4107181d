import { EntityOnCall } from '@internal/backstage-plugin-reliability-common';
import { ProviderBudgetTally } from '@internal/backstage-plugin-reliability-node';
import { OnCallAnswer } from './callOnCallProvider';
import { OnCallRefresh } from './store/OnCallStore';

/** A provider call of the refresher: answered, not stored yet (see `OnCallService.settleRefreshes`). */
export interface RefreshCall {
  entityRef: string;
  owner?: string;
  providerId: string;
  at: Date;
  /** Counts the call if a vendor budget refused it. */
  budget: ProviderBudgetTally;
  answer: OnCallAnswer;
}

/**
 * What the refresher fetched for an entity: its own provider call, or the state of a request's fetch that
 * was under way (which stores its answer itself).
 */
export type RefreshFetch =
  | { kind: 'called'; call: RefreshCall }
  | { kind: 'shared'; state: EntityOnCall };

/** The state of a refreshed entity, and what the refresher stores for it (nothing for a shared fetch). */
export interface SettledRefresh {
  state: EntityOnCall;
  refresh?: OnCallRefresh;
}

/** What a provider call stores (the refresher's, or one on request): the snapshot, or the failure (the stored snapshot is kept). */
export function refreshOf({
  entityRef,
  at,
  providerId,
  answer,
}: Pick<
  RefreshCall,
  'entityRef' | 'at' | 'providerId' | 'answer'
>): OnCallRefresh {
  return answer.status === 'ok'
    ? { entityRef, at, snapshot: answer.snapshot }
    : { entityRef, at, provider: providerId, error: answer.message };
}
