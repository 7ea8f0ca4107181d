import { RootConfigService } from '@backstage/backend-plugin-api';
import { ProviderConfigError } from './errors';
import {
  ProviderBudgetSettings,
  ProviderRequestBudget,
} from './ProviderRequestBudget';

const budgets = new Map<string, ProviderRequestBudget>();

/**
 * The request budget of a vendor in this process: every caller asking for the same vendor with the same
 * settings (a module's on-call and incident providers, its SLI provider and alert source, ...) gets the same
 * ProviderRequestBudget, so they share its requests per minute and its concurrency.
 *
 * @public
 */
export function sharedProviderBudget(
  provider: string,
  settings: ProviderBudgetSettings,
): ProviderRequestBudget {
  const key = JSON.stringify([
    provider.toLowerCase(),
    settings.requestsPerMinute ?? null,
    settings.maxConcurrency ?? null,
    settings.maxWaitMs ?? null,
  ]);
  let budget = budgets.get(key);
  if (!budget) {
    budget = new ProviderRequestBudget({ provider, ...settings });
    budgets.set(key, budget);
  }
  return budget;
}

/**
 * Reads `<configKey>.budget` (`requestsPerMinute`, `maxConcurrency`, `maxWaitSeconds`, all optional) and returns
 * the vendor's shared budget, or undefined when none of them is set. Invalid values throw a ProviderConfigError.
 *
 * @public
 */
export function providerBudgetFromConfig(
  config: RootConfigService,
  options: { provider: string; configKey: string },
): ProviderRequestBudget | undefined {
  const { provider, configKey } = options;
  const section = config.getOptionalConfig(`${configKey}.budget`);
  if (!section) return undefined;
  const read = (name: string, integer: boolean) => {
    const value = section.getOptionalNumber(name);
    if (
      value !== undefined &&
      !(
        value > 0 &&
        Number.isFinite(value) &&
        (!integer || Number.isInteger(value))
      )
    ) {
      throw new ProviderConfigError(
        provider,
        `${configKey}.budget.${name} must be a positive ${
          integer ? 'integer' : 'number'
        }, got ${value}`,
      );
    }
    return value;
  };
  const requestsPerMinute = read('requestsPerMinute', false);
  const maxConcurrency = read('maxConcurrency', true);
  const maxWaitSeconds = read('maxWaitSeconds', false);
  if (
    requestsPerMinute === undefined &&
    maxConcurrency === undefined &&
    maxWaitSeconds === undefined
  ) {
    return undefined;
  }
  return sharedProviderBudget(provider, {
    requestsPerMinute,
    maxConcurrency,
    maxWaitMs: maxWaitSeconds === undefined ? undefined : maxWaitSeconds * 1000,
  });
}
