import { mockServices } from '@backstage/backend-test-utils';
import { OnCallService, OnCallServiceOptions } from '../OnCallService';
import { PeopleResolver } from '../PeopleResolver';

/**
 * An on-call service over the given providers, store and catalog (people are linked to its users), with the
 * tests' usual limits: results cached a minute, a week ahead, provider calls limited to a second, the team
 * view's state at most 10 minutes old. Any other option can be given.
 */
export function onCallServiceFor(
  options: Pick<
    OnCallServiceOptions,
    'providers' | 'store' | 'catalog' | 'now'
  > &
    Partial<OnCallServiceOptions>,
): OnCallService {
  return new OnCallService({
    people: new PeopleResolver({
      catalog: options.catalog,
      auth: mockServices.auth(),
      logger: mockServices.logger.mock(),
    }),
    logger: mockServices.logger.mock(),
    cacheTtlMs: 60_000,
    horizonDays: 7,
    timeoutMs: 1000,
    groupViewMaxAgeMs: 600_000,
    ...options,
  });
}
