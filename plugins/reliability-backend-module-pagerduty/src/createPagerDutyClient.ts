import { Config } from '@backstage/config';
import { HttpClient } from './httpClient';

/** The PagerDuty REST API client configured from `reliability.pagerduty`, or undefined without a token. */
export function createPagerDutyClient(
  config: Config,
  overrides: {
    fetch?: typeof fetch;
    sleep?: (ms: number) => Promise<void>;
  } = {},
): HttpClient | undefined {
  const pd = config.getOptionalConfig('reliability.pagerduty');
  const token = pd?.getOptionalString('token');
  if (!pd || !token) return undefined;
  return new HttpClient({
    baseUrl: pd.getOptionalString('apiBaseUrl') ?? 'https://api.pagerduty.com',
    headers: {
      Authorization: `Token token=${token}`,
      Accept: 'application/vnd.pagerduty+json;version=2',
    },
    timeoutMs: (pd.getOptionalNumber('timeoutSeconds') ?? 10) * 1000,
    maxRetries: pd.getOptionalNumber('maxRetries') ?? 3,
    initialBackoffMs: 500,
    maxRetryDelayMs: 30_000,
    ...overrides,
  });
}
