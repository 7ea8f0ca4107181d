import { z } from 'zod';
import { PrometheusConfig } from './config';
import {
  PrometheusHttpError,
  PrometheusNetworkError,
  PrometheusQueryError,
  PrometheusTimeoutError,
} from './errors';
import { fetchWithRetry, RetryOptions } from './fetchWithRetry';

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
  retry?: RetryOptions;
  fetchImpl?: typeof fetch;
}

/**
 * A minimal client of the Prometheus HTTP API (`/api/v1/query`), with timeouts, retries on 429/5xx
 * and typed errors.
 *
 * @public
 */
export class PrometheusClient {
  constructor(private readonly options: PrometheusClientOptions) {}

  /**
   * Evaluates an instant query at `time` and returns the sum of the values of all returned samples
   * (0 for an empty result: the series does not exist in that interval).
   */
  async querySum(
    query: string,
    time: Date,
    signal?: AbortSignal,
  ): Promise<number> {
    const params = new URLSearchParams({
      query,
      time: (time.getTime() / 1000).toString(),
    });
    const url = `${this.options.baseUrl}/api/v1/query?${params}`;
    const response = await fetchWithRetry(
      url,
      { headers: { Accept: 'application/json', ...this.options.headers } },
      {
        ...this.options.retry,
        timeoutMs: this.options.timeoutMs,
        signal,
        fetchImpl: this.options.fetchImpl,
        timeoutError: ms =>
          new PrometheusTimeoutError(
            `Prometheus did not answer within ${ms} ms (${this.options.baseUrl})`,
          ),
        networkError: cause =>
          new PrometheusNetworkError(
            `Cannot reach Prometheus at ${this.options.baseUrl}`,
            cause,
          ),
      },
    );
    const body: unknown = await response.json().catch(() => undefined);
    if (!response.ok) {
      const error = errorResponse.safeParse(body);
      if (
        error.success &&
        (response.status === 400 || response.status === 422)
      ) {
        throw new PrometheusQueryError(
          `Prometheus rejected the query (${
            error.data.errorType ?? 'error'
          }): ${error.data.error ?? 'no details'}`,
        );
      }
      throw new PrometheusHttpError(
        `Prometheus answered HTTP ${response.status}${
          error.success && error.data.error ? `: ${error.data.error}` : ''
        }`,
        response.status,
      );
    }
    const parsed = queryResponse.safeParse(body);
    if (!parsed.success) {
      throw new PrometheusQueryError(
        'Prometheus returned a response that is not a successful query result',
      );
    }
    const { data } = parsed.data;
    let values: string[];
    if (data.resultType === 'vector') {
      values = data.result.map(sample => sample.value[1]);
    } else if (data.resultType === 'scalar') {
      values = [data.result[1]];
    } else {
      throw new PrometheusQueryError(
        `The query returned a ${data.resultType}; it must return an instant vector or a scalar`,
      );
    }
    return values.reduce((sum, text) => {
      const value = Number(text);
      if (!Number.isFinite(value)) {
        throw new PrometheusQueryError(
          `The query returned a non-finite value (${text})`,
        );
      }
      return sum + value;
    }, 0);
  }
}
