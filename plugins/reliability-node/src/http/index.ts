export {
  ProviderError,
  ProviderBudgetExceededError,
  ProviderConfigError,
  ProviderHttpError,
  ProviderNetworkError,
  ProviderNotConfiguredError,
  ProviderResponseError,
  ProviderResponseTooLargeError,
  ProviderTimeoutError,
} from './errors';
export { isProviderNotConfiguredMessage } from './errors';
export { ProviderHttpClient } from './ProviderHttpClient';
export type {
  ProviderErrorResponse,
  ProviderHttpClientOptions,
  ProviderRequestOptions,
  ProviderRetryOptions,
} from './ProviderHttpClient';
export { ProviderRequestBudget } from './ProviderRequestBudget';
export type {
  ProviderBudgetSettings,
  ProviderRequestBudgetOptions,
} from './ProviderRequestBudget';
export {
  providerBudgetFromConfig,
  sharedProviderBudget,
} from './sharedProviderBudget';
export { ProviderBudgetTally } from './ProviderBudgetTally';
export { deadlineSignal, signalDeadline, signalWaitLimit } from './deadline';
export { parseProviderResponse } from './parseProviderResponse';
export type { ProviderResponseSchema } from './parseProviderResponse';
export { retryDelayFromHeaders } from './retryDelay';
