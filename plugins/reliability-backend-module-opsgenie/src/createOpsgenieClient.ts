import { Config } from '@backstage/config';
import {
  providerBudgetFromConfig,
  ProviderHttpClient,
  ProviderRequestBudget,
} from '@internal/backstage-plugin-reliability-node';

/** The Opsgenie REST API client configured from `reliability.opsgenie`, or undefined without an API key. */
export function createOpsgenieClient(
  config: Config,
  overrides: {
    fetch?: typeof fetch;
    sleep?: (ms: number) => Promise<void>;
    budget?: ProviderRequestBudget;
  } = {},
): ProviderHttpClient | undefined {
  const og = config.getOptionalConfig('reliability.opsgenie');
  const apiKey = og?.getOptionalString('apiKey');
  if (!og || !apiKey) return undefined;
  return new ProviderHttpClient({
    provider: 'Opsgenie',
    baseUrl: og.getOptionalString('apiBaseUrl') ?? 'https://api.opsgenie.com',
    headers: {
      Authorization: `GenieKey ${apiKey}`,
      Accept: 'application/json',
    },
    timeoutMs: (og.getOptionalNumber('timeoutSeconds') ?? 10) * 1000,
    retry: { maxAttempts: (og.getOptionalNumber('maxRetries') ?? 3) + 1 },
    statusHints: {
      401: 'the API key was rejected (check reliability.opsgenie.apiKey)',
      403: 'the API key may not read this resource',
    },
    // Opsgenie error bodies: { message, took, requestId }
    errorDetail: body => (body as { message?: string } | undefined)?.message,
    // One budget per process, shared with every other client of Opsgenie.
    budget: providerBudgetFromConfig(config, {
      provider: 'Opsgenie',
      configKey: 'reliability.opsgenie',
    }),
    ...overrides,
  });
}
