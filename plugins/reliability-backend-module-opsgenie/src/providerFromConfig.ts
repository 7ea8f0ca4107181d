import {
  LoggerService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import {
  OnCallProvider,
  onCallProviderFromConfig,
} from '@internal/backstage-plugin-reliability-node';
import { createOpsgenieClient } from './createOpsgenieClient';
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
