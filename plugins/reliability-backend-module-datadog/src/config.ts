import { Config } from '@backstage/config';
import {
  providerBudgetFromConfig,
  ProviderConfigError,
  ProviderRequestBudget,
} from '@internal/backstage-plugin-reliability-node';

/** Settings of the Datadog SLI provider, read from `reliability.datadog`. @public */
export interface DatadogConfig {
  site: string;
  apiKey: string;
  applicationKey: string;
  timeoutMs: number;
  /** The request budget of `reliability.datadog.budget`, shared by every Datadog client of the process. */
  budget?: ProviderRequestBudget;
}

const SITE_PATTERN = /^[a-z0-9]+(?:[.-][a-z0-9]+)*\.[a-z]{2,}$/;

/**
 * Reads `reliability.datadog`: undefined when absent, an error naming the missing or invalid key otherwise.
 */
export function readDatadogConfig(config: Config): DatadogConfig | undefined {
  const section = config.getOptionalConfig('reliability.datadog');
  if (!section) {
    return undefined;
  }
  const apiKey = section.getOptionalString('apiKey');
  const applicationKey = section.getOptionalString('applicationKey');
  if (!apiKey || !applicationKey) {
    throw new ProviderConfigError(
      'Datadog',
      'reliability.datadog needs both apiKey and applicationKey',
    );
  }
  // Accept the app host users copy from the browser (app.datadoghq.eu) as well as the site name.
  const site = (section.getOptionalString('site') ?? 'datadoghq.com')
    .trim()
    .toLowerCase()
    .replace(/^app\./, '');
  if (!SITE_PATTERN.test(site)) {
    throw new ProviderConfigError(
      'Datadog',
      `reliability.datadog.site '${site}' is not a Datadog site like datadoghq.com or datadoghq.eu`,
    );
  }
  const timeoutMs = section.getOptionalNumber('timeoutMs') ?? 15_000;
  if (!(timeoutMs >= 100 && timeoutMs <= 300_000)) {
    throw new ProviderConfigError(
      'Datadog',
      'reliability.datadog.timeoutMs must be between 100 and 300000',
    );
  }
  const budget = providerBudgetFromConfig(config, {
    provider: 'Datadog',
    configKey: 'reliability.datadog',
  });
  return { site, apiKey, applicationKey, timeoutMs, budget };
}
