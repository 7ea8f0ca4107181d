import {
  parseProviderResponse,
  ProviderHttpClient,
  ProviderRetryOptions,
} from '@internal/backstage-plugin-reliability-node';
import { z } from 'zod';
import { DatadogConfig } from '../config';

const monitorSchema = z.object({
  id: z.number(),
  name: z.string(),
  type: z.string().optional(),
  query: z.string().nullable().optional(),
  message: z.string().nullable().optional(),
  tags: z.array(z.string()).nullable().optional(),
  priority: z.number().nullable().optional(),
  overall_state: z.string().nullable().optional(),
  overall_state_modified: z.string().nullable().optional(),
});

/** The parts of a Datadog monitor the alert source reads. @public */
export type DatadogMonitor = z.infer<typeof monitorSchema>;

/** Options of a DatadogMonitorsClient. @public */
export interface DatadogMonitorsClientOptions extends DatadogConfig {
  retry?: ProviderRetryOptions;
  fetchImpl?: typeof fetch;
  /** Monitors per page (default 500). */
  pageSize?: number;
}

/** Most pages read (50,000 monitors with the default page size). */
const MAX_PAGES = 100;

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
 * A client of Datadog's monitor API (`GET /api/v1/monitor`, paged), with timeouts, retries on 429/5xx and typed
 * errors.
 *
 * @public
 */
export class DatadogMonitorsClient {
  private readonly http: ProviderHttpClient;
  private readonly pageSize: number;

  constructor(private readonly options: DatadogMonitorsClientOptions) {
    this.pageSize = options.pageSize ?? 500;
    this.http = new ProviderHttpClient({
      provider: 'Datadog',
      baseUrl: `https://api.${options.site}`,
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
      maxResponseBytes: 32 * 1024 * 1024,
    });
  }

  /** The Datadog app (`https://app.<site>`), for links to monitors. */
  get appUrl(): string {
    return `https://app.${this.options.site}`;
  }

  /** Every monitor carrying all of `monitorTags` (every monitor when empty). */
  async listMonitors(
    monitorTags: string[],
    signal?: AbortSignal,
  ): Promise<DatadogMonitor[]> {
    const monitors: DatadogMonitor[] = [];
    for (let page = 0; page < MAX_PAGES; page++) {
      const query: Record<string, string> = {
        page: String(page),
        page_size: String(this.pageSize),
      };
      if (monitorTags.length > 0) query.monitor_tags = monitorTags.join(',');
      const body = await this.http.getJson('/api/v1/monitor', {
        query,
        signal,
        describeError: ({ status, detail }) => {
          const suffix = detail ? `: ${detail}` : '';
          if (status === 401 || status === 403) {
            return `Datadog refused to list monitors (HTTP ${status})${suffix}. Check reliability.datadog.apiKey and applicationKey (the application key needs the monitors_read scope) and reliability.datadog.site`;
          }
          return `Datadog answered HTTP ${status} listing monitors${suffix}`;
        },
      });
      const items = parseProviderResponse(
        'Datadog',
        z.array(monitorSchema),
        body,
        'monitor list',
      );
      monitors.push(...items);
      if (items.length < this.pageSize) return monitors;
    }
    return monitors;
  }
}
