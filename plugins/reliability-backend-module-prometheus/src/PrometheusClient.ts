import {
  parseProviderResponse,
  ProviderHttpClient,
  ProviderResponseError,
  ProviderRetryOptions,
} from '@internal/backstage-plugin-reliability-node';
import { z } from 'zod';
import { PrometheusConfig } from './config';

const sampleValue = z.tuple([z.number(), z.string()]);

const queryResponse = z.object({
  status: z.literal('success'),
  data: z.discriminatedUnion('resultType', [
    z.object({
      resultType: z.literal('vector'),
      result: z.array(z.object({ value: sampleValue })),
    }),
    z.object({ resultType: z.literal('scalar'), result: sampleValue }),
    z.object({ resultType: z.literal('matrix'), result: z.array(z.unknown()) }),
    z.object({ resultType: z.literal('string'), result: z.unknown() }),
  ]),
});

const errorResponse = z.object({
  status: z.literal('error'),
  errorType: z.string().optional(),
  error: z.string().optional(),
});

/** Options of a PrometheusClient. @public */
export interface PrometheusClientOptions extends PrometheusConfig {
  retry?: ProviderRetryOptions;
  fetchImpl?: typeof fetch;
}

/**
 * A minimal client of the Prometheus HTTP API (`/api/v1/query`), with timeouts, retries on 429/5xx
 * and typed errors.
 *
 * @public
 */
export class PrometheusClient {
  private readonly http: ProviderHttpClient;

  constructor(options: PrometheusClientOptions) {
    this.http = new ProviderHttpClient({
      provider: 'Prometheus',
      baseUrl: options.baseUrl,
      headers: { Accept: 'application/json', ...options.headers },
      timeoutMs: options.timeoutMs,
      retry: options.retry,
      budget: options.budget,
      fetch: options.fetchImpl,
    });
  }

  /**
   * Evaluates an instant query at `time` and returns the sum of the values of all returned samples
   * (0 for an empty result: the series does not exist in that interval).
   */
  async querySum(
    query: string,
    time: Date,
    signal?: AbortSignal,
  ): Promise<number> {
    const body = await this.http.getJson('/api/v1/query', {
      query: { query, time: (time.getTime() / 1000).toString() },
      signal,
      describeError: ({ status, body: errorBody }) => {
        const error = errorResponse.safeParse(errorBody);
        if (error.success && (status === 400 || status === 422)) {
          return new ProviderResponseError(
            'Prometheus',
            `Prometheus rejected the query (${
              error.data.errorType ?? 'error'
            }): ${error.data.error ?? 'no details'}`,
          );
        }
        return `Prometheus answered HTTP ${status}${
          error.success && error.data.error ? `: ${error.data.error}` : ''
        }`;
      },
    });
    const { data } = parseProviderResponse(
      'Prometheus',
      queryResponse,
      body,
      'query result',
    );
    let values: string[];
    if (data.resultType === 'vector') {
      values = data.result.map(sample => sample.value[1]);
    } else if (data.resultType === 'scalar') {
      values = [data.result[1]];
    } else {
      throw new ProviderResponseError(
        'Prometheus',
        `The Prometheus query returned a ${data.resultType}; it must return an instant vector or a scalar`,
      );
    }
    return values.reduce((sum, text) => {
      const value = Number(text);
      if (!Number.isFinite(value)) {
        throw new ProviderResponseError(
          'Prometheus',
          `The Prometheus query returned a non-finite value (${text})`,
        );
      }
      return sum + value;
    }, 0);
  }
}
