import {
  LoggerService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import {
  IncidentProvider,
  incidentProviderFromConfig,
  OnCallProvider,
  onCallProviderFromConfig,
} from '@internal/backstage-plugin-reliability-node';
import { createPagerDutyClient } from './createPagerDutyClient';
import { PagerDutyIncidentProvider } from './PagerDutyIncidentProvider';
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

/**
 * The PagerDuty incident provider configured from `reliability.pagerduty`; without a token, one that fails every
 * read of an annotated entity with "PagerDuty provider not configured" (the on-call provider gives the warning).
 */
export function pagerDutyIncidentProviderFromConfig(
  config: RootConfigService,
  logger: LoggerService,
): IncidentProvider {
  return incidentProviderFromConfig({
    config,
    logger,
    vendor: 'PagerDuty',
    configKey: 'reliability.pagerduty.token',
    id: PAGERDUTY_PROVIDER_ID,
    supports: hasPagerDutyService,
    read: createPagerDutyClient,
    create: client => new PagerDutyIncidentProvider(client),
    quiet: true,
  });
}
