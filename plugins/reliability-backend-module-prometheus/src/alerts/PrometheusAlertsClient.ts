import {
  parseProviderResponse,
  ProviderHttpClient,
  ProviderRetryOptions,
} from '@internal/backstage-plugin-reliability-node';
import { z } from 'zod';
import { PrometheusConfig } from '../config';

const labels = z.record(z.string(), z.string());

const activeAlert = z.object({
  labels,
  annotations: labels.optional(),
  state: z.string(),
  activeAt: z.string().optional(),
});

const alertingRule = z.object({
  type: z.literal('alerting'),
  name: z.string(),
  query: z.string().optional(),
  state: z.string().optional(),
  health: z.string().optional(),
  lastError: z.string().optional(),
  labels: labels.nullable().optional(),
  annotations: labels.nullable().optional(),
  alerts: z.array(activeAlert).nullable().optional(),
});

const rulesResponse = z.object({
  status: z.literal('success'),
  data: z.object({
    groups: z.array(
      z.object({
        name: z.string(),
        file: z.string().optional(),
        rules: z.array(
          z.union([alertingRule, z.object({ type: z.string() }).passthrough()]),
        ),
      }),
    ),
  }),
});

const alertsResponse = z.object({
  status: z.literal('success'),
  data: z.object({ alerts: z.array(activeAlert) }),
});

const matrixResponse = z.object({
  status: z.literal('success'),
  data: z.object({
    resultType: z.literal('matrix'),
    result: z.array(
      z.object({
        metric: labels,
        values: z.array(z.tuple([z.number(), z.string()])),
      }),
    ),
  }),
});

/** An alerting rule as `/api/v1/rules` lists it. @public */
export type PrometheusAlertingRule = z.infer<typeof alertingRule>;
/** An active (pending or firing) alert as `/api/v1/alerts` lists it. @public */
export type PrometheusActiveAlert = z.infer<typeof activeAlert>;
/** One series of a range query. @public */
export type PrometheusSeries = z.infer<
  typeof matrixResponse
>['data']['result'][number];

/** Options of a PrometheusAlertsClient. @public */
export interface PrometheusAlertsClientOptions extends PrometheusConfig {
  retry?: ProviderRetryOptions;
  fetchImpl?: typeof fetch;
}

/**
 * A client of the alerting parts of the Prometheus HTTP API: alerting rules (`/api/v1/rules?type=alert`),
 * active alerts (`/api/v1/alerts`) and range queries (`/api/v1/query_range`, for the `ALERTS` series), with
 * timeouts, retries on 429/5xx and typed errors.
 *
 * @public
 */
export class PrometheusAlertsClient {
  private readonly http: ProviderHttpClient;

  constructor(options: PrometheusAlertsClientOptions) {
    this.http = new ProviderHttpClient({
      provider: 'Prometheus',
      baseUrl: options.baseUrl,
      headers: { Accept: 'application/json', ...options.headers },
      timeoutMs: options.timeoutMs,
      retry: options.retry,
      budget: options.budget,
      fetch: options.fetchImpl,
      // Rule files and alert history of a large Prometheus are bigger than SLI answers.
      maxResponseBytes: 32 * 1024 * 1024,
      errorDetail: body =>
        z.object({ error: z.string() }).safeParse(body).data?.error,
    });
  }

  /** Every alerting rule, with its group. */
  async getAlertingRules(
    signal?: AbortSignal,
  ): Promise<Array<{ group: string; rule: PrometheusAlertingRule }>> {
    const body = await this.http.getJson('/api/v1/rules', {
      query: { type: 'alert' },
      signal,
    });
    const { data } = parseProviderResponse(
      'Prometheus',
      rulesResponse,
      body,
      'alerting rules',
    );
    return data.groups.flatMap(group =>
      group.rules
        .filter(
          (rule): rule is PrometheusAlertingRule => rule.type === 'alerting',
        )
        .map(rule => ({ group: group.name, rule })),
    );
  }

  /** The alerts pending or firing now. */
  async getActiveAlerts(
    signal?: AbortSignal,
  ): Promise<PrometheusActiveAlert[]> {
    const body = await this.http.getJson('/api/v1/alerts', { signal });
    return parseProviderResponse(
      'Prometheus',
      alertsResponse,
      body,
      'active alerts',
    ).data.alerts;
  }

  /** A range query over [start, end] every `stepSeconds`. */
  async queryRange(
    query: string,
    start: Date,
    end: Date,
    stepSeconds: number,
    signal?: AbortSignal,
  ): Promise<PrometheusSeries[]> {
    const body = await this.http.getJson('/api/v1/query_range', {
      query: {
        query,
        start: (start.getTime() / 1000).toString(),
        end: (end.getTime() / 1000).toString(),
        step: `${stepSeconds}s`,
      },
      signal,
    });
    return parseProviderResponse(
      'Prometheus',
      matrixResponse,
      body,
      'range query',
    ).data.result;
  }
}
