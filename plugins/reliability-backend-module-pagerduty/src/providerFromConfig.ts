import {
  LoggerService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import {
  OnCallProvider,
  onCallProviderFromConfig,
} from '@internal/backstage-plugin-reliability-node';
import { createPagerDutyClient } from './createPagerDutyClient';
import {
  hasPagerDutyService,
  PAGERDUTY_PROVIDER_ID,
  PagerDutyOnCallProvider,
} from './PagerDutyOnCallProvider';

/**
 * The PagerDuty on-call provider configured from `reliability.pagerduty`; without a token, one that answers
 * every annotated entity with "PagerDuty provider not configured" (after a start-up warning).
 */
export function pagerDutyProviderFromConfig(
  config: RootConfigService,
  logger: LoggerService,
): OnCallProvider {
  return onCallProviderFromConfig({
    config,
    logger,
    vendor: 'PagerDuty',
    configKey: 'reliability.pagerduty.token',
    id: PAGERDUTY_PROVIDER_ID,
    supports: hasPagerDutyService,
    read: createPagerDutyClient,
    create: client => new PagerDutyOnCallProvider(client),
  });
}
