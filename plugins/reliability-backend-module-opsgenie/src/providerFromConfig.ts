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
import { createOpsgenieClient } from './createOpsgenieClient';
import { OpsgenieIncidentProvider } from './OpsgenieIncidentProvider';
import {
  hasOpsgenieTeam,
  OPSGENIE_PROVIDER_ID,
  OpsgenieOnCallProvider,
} from './OpsgenieOnCallProvider';

/**
 * The Opsgenie on-call provider configured from `reliability.opsgenie`; without an API key, one that answers
 * every annotated entity with "Opsgenie provider not configured" (after a start-up warning).
 */
export function opsgenieProviderFromConfig(
  config: RootConfigService,
  logger: LoggerService,
): OnCallProvider {
  return onCallProviderFromConfig({
    config,
    logger,
    vendor: 'Opsgenie',
    configKey: 'reliability.opsgenie.apiKey',
    id: OPSGENIE_PROVIDER_ID,
    supports: hasOpsgenieTeam,
    read: createOpsgenieClient,
    create: client => new OpsgenieOnCallProvider(client),
  });
}

/**
 * The Opsgenie incident provider configured from `reliability.opsgenie`; without an API key, one that fails every
 * read of an annotated entity with "Opsgenie provider not configured" (the on-call provider gives the warning).
 */
export function opsgenieIncidentProviderFromConfig(
  config: RootConfigService,
  logger: LoggerService,
): IncidentProvider {
  return incidentProviderFromConfig({
    config,
    logger,
    vendor: 'Opsgenie',
    configKey: 'reliability.opsgenie.apiKey',
    id: OPSGENIE_PROVIDER_ID,
    supports: hasOpsgenieTeam,
    read: createOpsgenieClient,
    create: client => new OpsgenieIncidentProvider(client),
    quiet: true,
  });
}
