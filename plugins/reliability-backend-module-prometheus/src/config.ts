import { Config } from '@backstage/config';
import {
  providerBudgetFromConfig,
  ProviderConfigError,
  ProviderRequestBudget,
} from '@internal/backstage-plugin-reliability-node';

/** Settings of the Prometheus SLI provider, read from `reliability.prometheus`. @public */
export interface PrometheusConfig {
  baseUrl: string;
  headers: Record<string, string>;
  timeoutMs: number;
  /** The request budget of `reliability.prometheus.budget`, shared by every Prometheus client of the process. */
  budget?: ProviderRequestBudget;
}

const DEFAULT_TIMEOUT_MS = 10_000;

/** Reads `reliability.prometheus`; undefined when the section is absent, an error when it is invalid. */
export function readPrometheusConfig(
  config: Config,
): PrometheusConfig | undefined {
  const section = config.getOptionalConfig('reliability.prometheus');
  if (!section) {
    return undefined;
  }
  const baseUrl = section.getString('baseUrl').replace(/\/+$/, '');
  let protocol: string;
  try {
    protocol = new URL(baseUrl).protocol;
  } catch {
    throw new ProviderConfigError(
      'Prometheus',
      `reliability.prometheus.baseUrl is not a URL: '${baseUrl}'`,
    );
  }
  if (protocol !== 'http:' && protocol !== 'https:') {
    throw new ProviderConfigError(
      'Prometheus',
      'reliability.prometheus.baseUrl must be an http(s) URL',
    );
  }
  const timeoutMs =
    section.getOptionalNumber('timeoutMs') ?? DEFAULT_TIMEOUT_MS;
  if (!(timeoutMs >= 100 && timeoutMs <= 300_000)) {
    throw new ProviderConfigError(
      'Prometheus',
      'reliability.prometheus.timeoutMs must be between 100 and 300000',
    );
  }
  const headersConfig = section.getOptionalConfig('headers');
  const headers: Record<string, string> = {};
  for (const name of headersConfig?.keys() ?? []) {
    headers[name] = headersConfig!.getString(name);
  }
  const budget = providerBudgetFromConfig(config, {
    provider: 'Prometheus',
    configKey: 'reliability.prometheus',
  });
  return { baseUrl, headers, timeoutMs, budget };
}
