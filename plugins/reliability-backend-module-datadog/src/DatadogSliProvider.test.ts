import {
  mockServices,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import {
  SliIndicator,
  SloDefinition,
} from '@internal/backstage-plugin-reliability-common';
import {
  ProviderConfigError,
  ProviderHttpError,
} from '@internal/backstage-plugin-reliability-node';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { DatadogClient } from './DatadogClient';
import { DatadogSliProvider } from './DatadogSliProvider';
import { datadogProviderFromConfig } from './providerFromConfig';

const server = setupServer();
registerMswTestHooks(server);

const SLO_ID = 'e4c1b9a0d3f24b6c8a7e5f1d2c3b4a59';
const HISTORY = `https://api.datadoghq.eu/api/v1/slo/${SLO_ID}/history`;

const indicator: SliIndicator = {
  name: 'checkout',
  ratio: {
    total: { type: 'datadog', spec: { sloId: SLO_ID } },
    good: { type: 'datadog', spec: { sloId: SLO_ID } },
  },
};
const slo: SloDefinition = {
  name: 'checkout',
  indicator,
  window: { kind: 'rolling', durationSeconds: 7 * 86400, label: '7d' },
  budgetingMethod: 'Occurrences',
  objectives: [{ target: 0.999 }],
  alertPolicies: [],
};
const from = new Date('2024-05-01T00:00:00Z');
const to = new Date('2024-05-01T01:00:00Z');
const request = {
  entity: {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'checkout' },
  },
  slo,
  indicator,
  from,
  to,
};

const config = {
  site: 'datadoghq.eu',
  apiKey: 'api-key',
  applicationKey: 'app-key',
  timeoutMs: 2000,
};
const provider = () =>
  new DatadogSliProvider(
    new DatadogClient({ ...config, retry: { baseDelayMs: 1 } }),
  );

// Payloads in the documented format of GET /api/v1/slo/{slo_id}/history.
const metricHistory = {
  data: {
    from_ts: 1714521600,
    to_ts: 1714525200,
    type: 'metric',
    type_id: 1,
    thresholds: {
      '7d': { target: 99.9, target_display: '99.9', timeframe: '7d' },
    },
    overall: { sli_value: 99.95, span_precision: 2, precision: { '7d': 2 } },
    series: {
      interval: 60,
      res_type: 'time_series',
      resp_version: 2,
      query: {
        numerator: 'sum:checkout.requests{status:ok}.as_count()',
        denominator: 'sum:checkout.requests{*}.as_count()',
      },
      times: [1714521600000, 1714523400000],
      numerator: {
        count: 2,
        sum: 19990,
        values: [9995, 9995],
        metadata: {
          query_index: 0,
          aggr: 'sum',
          scope: 'status:ok',
          metric: 'checkout.requests',
          expression: 'sum:checkout.requests{status:ok}.as_count()',
          unit: null,
        },
      },
      denominator: {
        count: 2,
        sum: 20000,
        values: [10000, 10000],
        metadata: {
          query_index: 1,
          aggr: 'sum',
          scope: '*',
          metric: 'checkout.requests',
          expression: 'sum:checkout.requests{*}.as_count()',
          unit: null,
        },
      },
    },
  },
  errors: null,
};

const monitorHistory = {
  data: {
    from_ts: 1714521600,
    to_ts: 1714525200,
    type: 'monitor',
    type_id: 0,
    thresholds: {
      '7d': { target: 99, target_display: '99.', timeframe: '7d' },
    },
    overall: {
      name: 'Checkout up',
      sli_value: 95,
      span_precision: 2,
      preview: false,
      uptime: 95,
      history: [
        [1714521600, 1],
        [1714524780, 0],
      ],
      monitor_type: 'service check',
      monitor_modified: 1714000000,
    },
    monitors: [],
  },
  errors: null,
};

describe('DatadogSliProvider', () => {
  it('maps metric SLO history to numerator/denominator sums and sends the keys', async () => {
    let headers: Headers | undefined;
    let url: URL | undefined;
    server.use(
      http.get(HISTORY, ({ request: req }) => {
        headers = req.headers;
        url = new URL(req.url);
        return HttpResponse.json(metricHistory);
      }),
    );
    await expect(provider().getEventCounts(request)).resolves.toEqual({
      good: 19990,
      total: 20000,
    });
    expect(headers?.get('dd-api-key')).toBe('api-key');
    expect(headers?.get('dd-application-key')).toBe('app-key');
    expect(url?.searchParams.get('from_ts')).toBe('1714521600');
    expect(url?.searchParams.get('to_ts')).toBe('1714525200');
  });

  it('approximates monitor SLOs with one-minute slices: 95% of 60 minutes', async () => {
    server.use(http.get(HISTORY, () => HttpResponse.json(monitorHistory)));
    await expect(provider().getEventCounts(request)).resolves.toEqual({
      good: 57,
      total: 60,
    });
  });

  it('computes the error ratio of a monitor SLO from sli_value, not from rounded minutes', async () => {
    const fiveMinutes = { ...request, from: new Date(to.getTime() - 300_000) };
    const withSli = (sli: number) =>
      http.get(HISTORY, () =>
        HttpResponse.json({
          data: { ...monitorHistory.data, overall: { sli_value: sli } },
          errors: null,
        }),
      );
    // 99.9 % over 5 minutes: 0.1 % bad (burn 1x at a 99.9 % target), not 5 good minutes of 5.
    server.use(withSli(99.9));
    const nearlyGood = await provider().getEventCounts(fiveMinutes);
    expect(nearlyGood.total).toBe(5);
    expect(1 - nearlyGood.good / nearlyGood.total).toBeCloseTo(0.001, 9);
    // 86 % over 5 minutes: 14 % bad, not one whole bad minute (20 %).
    server.use(withSli(86));
    const partlyBad = await provider().getEventCounts(fiveMinutes);
    expect(1 - partlyBad.good / partlyBad.total).toBeCloseTo(0.14, 9);
  });

  it('treats a monitor SLO without an SLI value as no data', async () => {
    server.use(
      http.get(HISTORY, () =>
        HttpResponse.json({
          data: { ...monitorHistory.data, overall: { sli_value: null } },
          errors: null,
        }),
      ),
    );
    await expect(provider().getEventCounts(request)).resolves.toEqual({
      good: 0,
      total: 0,
    });
  });

  it('retries after 429 and succeeds', async () => {
    let calls = 0;
    server.use(
      http.get(HISTORY, () => {
        calls += 1;
        return calls === 1
          ? HttpResponse.json(
              { errors: ['Rate limit exceeded'] },
              { status: 429, headers: { 'Retry-After': '0' } },
            )
          : HttpResponse.json(metricHistory);
      }),
    );
    await expect(provider().getEventCounts(request)).resolves.toEqual({
      good: 19990,
      total: 20000,
    });
    expect(calls).toBe(2);
  });

  it('surfaces 403 clearly without retrying', async () => {
    let calls = 0;
    server.use(
      http.get(HISTORY, () => {
        calls += 1;
        return HttpResponse.json({ errors: ['Forbidden'] }, { status: 403 });
      }),
    );
    const error = await provider()
      .getEventCounts(request)
      .catch(e => e);
    expect(error).toBeInstanceOf(ProviderHttpError);
    expect(error.status).toBe(403);
    expect(error.message).toContain(
      `Datadog refused access to SLO ${SLO_ID} (HTTP 403): Forbidden`,
    );
    expect(error.message).toContain('slos_read');
    expect(calls).toBe(1);
  });

  it('reports errors returned instead of data', async () => {
    server.use(
      http.get(HISTORY, () =>
        HttpResponse.json({
          data: null,
          errors: [{ error: 'SLO history is not available' }],
        }),
      ),
    );
    await expect(provider().getEventCounts(request)).rejects.toThrow(
      `Datadog returned no history for SLO ${SLO_ID}: SLO history is not available`,
    );
  });

  it('requires spec.sloId', async () => {
    const bare: SliIndicator = {
      name: 'x',
      threshold: {
        metricSource: { type: 'datadog', spec: { query: 'avg:x{*}' } },
      },
    };
    await expect(
      provider().getEventCounts({ ...request, indicator: bare }),
    ).rejects.toThrow('needs spec.sloId');
  });

  describe('configuration', () => {
    it('warns at startup and fails clearly at query time when not configured', async () => {
      const logger = mockServices.logger.mock();
      const unconfigured = datadogProviderFromConfig(
        mockServices.rootConfig(),
        logger,
      );
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringContaining('reliability.datadog is not configured'),
      );
      await expect(unconfigured.getEventCounts(request)).rejects.toThrow(
        ProviderConfigError,
      );
    });

    it('fails at startup when a key is missing or the site is invalid', () => {
      const logger = mockServices.logger.mock();
      expect(() =>
        datadogProviderFromConfig(
          mockServices.rootConfig({
            data: { reliability: { datadog: { apiKey: 'a' } } },
          }),
          logger,
        ),
      ).toThrow('reliability.datadog needs both apiKey and applicationKey');
      expect(() =>
        datadogProviderFromConfig(
          mockServices.rootConfig({
            data: {
              reliability: {
                datadog: {
                  apiKey: 'a',
                  applicationKey: 'b',
                  site: 'evil.com/x?',
                },
              },
            },
          }),
          logger,
        ),
      ).toThrow(/is not a Datadog site/);
    });

    it('uses datadoghq.com by default', async () => {
      server.use(
        http.get(`https://api.datadoghq.com/api/v1/slo/${SLO_ID}/history`, () =>
          HttpResponse.json(metricHistory),
        ),
      );
      const configured = datadogProviderFromConfig(
        mockServices.rootConfig({
          data: {
            reliability: { datadog: { apiKey: 'a', applicationKey: 'b' } },
          },
        }),
        mockServices.logger.mock(),
      );
      await expect(configured.getEventCounts(request)).resolves.toEqual({
        good: 19990,
        total: 20000,
      });
    });
  });
});
