import { z } from 'zod';
import { DatadogConfig } from './config';
import {
  DatadogHttpError,
  DatadogNetworkError,
  DatadogResponseError,
  DatadogTimeoutError,
} from './errors';
import { fetchWithRetry, RetryOptions } from './fetchWithRetry';

const seriesSchema = z.object({ sum: z.number() });

const historySchema = z.object({
  data: z
    .object({
      type: z.string().optional(),
      type_id: z.number().optional(),
      overall: z
        .object({ sli_value: z.number().nullable().optional() })
        .nullable()
        .optional(),
      series: z
        .object({ numerator: seriesSchema, denominator: seriesSchema })
        .nullable()
        .optional(),
    })
    .nullable()
    .optional(),
  errors: z
    .array(z.union([z.string(), z.object({ error: z.string() })]))
    .nullable()
    .optional(),
});

/** The parts of Datadog's SLO history response the provider reads. @public */
export type DatadogSloHistory = z.infer<typeof historySchema>;

/** Options of a DatadogClient. @public */
export interface DatadogClientOptions extends DatadogConfig {
  retry?: RetryOptions;
  fetchImpl?: typeof fetch;
}

function errorMessages(body: unknown): string {
  const parsed = z
    .object({
      errors: z.array(z.union([z.string(), z.object({ error: z.string() })])),
    })
    .safeParse(body);
  if (!parsed.success) {
    return '';
  }
  return parsed.data.errors
    .map(error => (typeof error === 'string' ? error : error.error))
    .join('; ');
}

/**
 * A minimal client of Datadog's SLO history API (`GET /api/v1/slo/{slo_id}/history`), with timeouts,
 * retries on 429/5xx and typed errors.
 *
 * @public
 */
export class DatadogClient {
  constructor(private readonly options: DatadogClientOptions) {}

  get baseUrl(): string {
    return `https://api.${this.options.site}`;
  }

  async getSloHistory(
    sloId: string,
    from: Date,
    to: Date,
    signal?: AbortSignal,
  ): Promise<DatadogSloHistory> {
    const params = new URLSearchParams({
      from_ts: Math.floor(from.getTime() / 1000).toString(),
      to_ts: Math.floor(to.getTime() / 1000).toString(),
    });
    const url = `${this.baseUrl}/api/v1/slo/${encodeURIComponent(
      sloId,
    )}/history?${params}`;
    const response = await fetchWithRetry(
      url,
      {
        headers: {
          Accept: 'application/json',
          'DD-API-KEY': this.options.apiKey,
          'DD-APPLICATION-KEY': this.options.applicationKey,
        },
      },
      {
        ...this.options.retry,
        timeoutMs: this.options.timeoutMs,
        signal,
        fetchImpl: this.options.fetchImpl,
        timeoutError: ms =>
          new DatadogTimeoutError(
            `Datadog did not answer within ${ms} ms (${this.baseUrl})`,
          ),
        networkError: cause =>
          new DatadogNetworkError(`Cannot reach ${this.baseUrl}`, cause),
      },
    );
    const body: unknown = await response.json().catch(() => undefined);
    if (!response.ok) {
      const details = errorMessages(body);
      const suffix = details ? `: ${details}` : '';
      let message = `Datadog answered HTTP ${response.status} for SLO ${sloId}${suffix}`;
      if (response.status === 401 || response.status === 403) {
        message = `Datadog refused access to SLO ${sloId} (HTTP ${response.status})${suffix}. Check reliability.datadog.apiKey and applicationKey (the application key needs the slos_read scope) and reliability.datadog.site`;
      } else if (response.status === 404) {
        message = `Datadog has no SLO with id ${sloId}${suffix}`;
      }
      throw new DatadogHttpError(message, response.status);
    }
    const parsed = historySchema.safeParse(body);
    if (!parsed.success) {
      throw new DatadogResponseError(
        `Datadog returned SLO history for ${sloId} in an unexpected format`,
      );
    }
    return parsed.data;
  }
}
