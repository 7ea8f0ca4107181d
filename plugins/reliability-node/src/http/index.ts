export {
  ProviderError,
  ProviderConfigError,
  ProviderHttpError,
  ProviderNetworkError,
  ProviderNotConfiguredError,
  ProviderResponseError,
  ProviderResponseTooLargeError,
  ProviderTimeoutError,
} from './errors';
export { ProviderHttpClient } from './ProviderHttpClient';
export type {
  ProviderErrorResponse,
  ProviderHttpClientOptions,
  ProviderRequestOptions,
  ProviderRetryOptions,
} from './ProviderHttpClient';
export { parseProviderResponse } from './parseProviderResponse';
export type { ProviderResponseSchema } from './parseProviderResponse';
export { retryDelayFromHeaders } from './retryDelay';
