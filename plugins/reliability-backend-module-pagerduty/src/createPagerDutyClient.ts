import { Config } from '@backstage/config';
import {
  providerBudgetFromConfig,
  ProviderHttpClient,
  ProviderRequestBudget,
} from '@internal/backstage-plugin-reliability-node';

/** The PagerDuty REST API client configured from `reliability.pagerduty`, or undefined without a token. */
export function createPagerDutyClient(
  config: Config,
  overrides: {
    fetch?: typeof fetch;
    sleep?: (ms: number) => Promise<void>;
    budget?: ProviderRequestBudget;
  } = {},
): ProviderHttpClient | undefined {
  const pd = config.getOptionalConfig('reliability.pagerduty');
  const token = pd?.getOptionalString('token');
  if (!pd || !token) return undefined;
  return new ProviderHttpClient({
    provider: 'PagerDuty',
    baseUrl: pd.getOptionalString('apiBaseUrl') ?? 'https://api.pagerduty.com',
    headers: {
      Authorization: `Token token=${token}`,
      Accept: 'application/vnd.pagerduty+json;version=2',
    },
    timeoutMs: (pd.getOptionalNumber('timeoutSeconds') ?? 10) * 1000,
    retry: { maxAttempts: (pd.getOptionalNumber('maxRetries') ?? 3) + 1 },
    statusHints: {
      401: 'the API token was rejected (check reliability.pagerduty.token)',
      403: 'the API token may not read this resource',
    },
    // PagerDuty error bodies: { error: { message, code, errors } }
    errorDetail: body =>
      (body as { error?: { message?: string } } | undefined)?.error?.message,
    // One budget per process, shared with every other client of PagerDuty.
    budget: providerBudgetFromConfig(config, {
      provider: 'PagerDuty',
      configKey: 'reliability.pagerduty',
    }),
    ...overrides,
  });
}
