import {
  parseProviderResponse,
  ProviderHttpClient,
  ProviderRetryOptions,
} from '@internal/backstage-plugin-reliability-node';
import { z } from 'zod';
import { DatadogConfig } from './config';

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
  retry?: ProviderRetryOptions;
  fetchImpl?: typeof fetch;
}

function errorMessages(body: unknown): string | undefined {
  const parsed = z
    .object({
      errors: z.array(z.union([z.string(), z.object({ error: z.string() })])),
    })
    .safeParse(body);
  return parsed.data?.errors
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
  private readonly http: ProviderHttpClient;

  constructor(private readonly options: DatadogClientOptions) {
    this.http = new ProviderHttpClient({
      provider: 'Datadog',
      baseUrl: this.baseUrl,
      headers: {
        Accept: 'application/json',
        'DD-API-KEY': options.apiKey,
        'DD-APPLICATION-KEY': options.applicationKey,
      },
      timeoutMs: options.timeoutMs,
      retry: options.retry,
      budget: options.budget,
      errorDetail: errorMessages,
      fetch: options.fetchImpl,
    });
  }

  get baseUrl(): string {
    return `https://api.${this.options.site}`;
  }

  async getSloHistory(
    sloId: string,
    from: Date,
    to: Date,
    signal?: AbortSignal,
  ): Promise<DatadogSloHistory> {
    const body = await this.http.getJson(
      `/api/v1/slo/${encodeURIComponent(sloId)}/history`,
      {
        query: {
          from_ts: Math.floor(from.getTime() / 1000).toString(),
          to_ts: Math.floor(to.getTime() / 1000).toString(),
        },
        signal,
        describeError: ({ status, detail }) => {
          const suffix = detail ? `: ${detail}` : '';
          if (status === 401 || status === 403) {
            return `Datadog refused access to SLO ${sloId} (HTTP ${status})${suffix}. Check reliability.datadog.apiKey and applicationKey (the application key needs the slos_read scope) and reliability.datadog.site`;
          }
          if (status === 404) {
            return `Datadog has no SLO with id ${sloId}${suffix}`;
          }
          return `Datadog answered HTTP ${status} for SLO ${sloId}${suffix}`;
        },
      },
    );
    return parseProviderResponse(
      'Datadog',
      historySchema,
      body,
      `SLO history for ${sloId}`,
    );
  }
}
