import { Config } from '@backstage/config';
import { HttpClient } from './httpClient';

/** The Opsgenie REST API client configured from `reliability.opsgenie`, or undefined without an API key. */
export function createOpsgenieClient(
  config: Config,
  overrides: {
    fetch?: typeof fetch;
    sleep?: (ms: number) => Promise<void>;
  } = {},
): HttpClient | undefined {
  const og = config.getOptionalConfig('reliability.opsgenie');
  const apiKey = og?.getOptionalString('apiKey');
  if (!og || !apiKey) return undefined;
  return new HttpClient({
    baseUrl: og.getOptionalString('apiBaseUrl') ?? 'https://api.opsgenie.com',
    headers: {
      Authorization: `GenieKey ${apiKey}`,
      Accept: 'application/json',
    },
    timeoutMs: (og.getOptionalNumber('timeoutSeconds') ?? 10) * 1000,
    maxRetries: og.getOptionalNumber('maxRetries') ?? 3,
    initialBackoffMs: 500,
    maxRetryDelayMs: 30_000,
    ...overrides,
  });
}
