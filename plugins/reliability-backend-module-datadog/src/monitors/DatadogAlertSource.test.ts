import {
  mockServices,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import {
  ProviderConfigError,
  ProviderHttpError,
} from '@internal/backstage-plugin-reliability-node';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { datadogAlertSourceFromConfig } from '../providerFromConfig';
import {
  DatadogAlertSource,
  DEFAULT_PAGING_HANDLES,
  runbookFromMessage,
  tagsToLabels,
} from './DatadogAlertSource';
import { DatadogMonitorsClient } from './DatadogMonitorsClient';

const server = setupServer();
registerMswTestHooks(server);

const MONITORS = 'https://api.datadoghq.eu/api/v1/monitor';

/** A monitor as `GET /api/v1/monitor` returns it (fields the source ignores included). */
function monitor(id: number, overrides: Record<string, unknown> = {}) {
  return {
    id,
    org_id: 2,
    type: 'query alert',
    name: `Monitor ${id}`,
    message: 'Something is off. @slack-checkout',
    tags: ['service:checkout-api', 'team:checkout-payments', 'env:prod'],
    query:
      'avg(last_5m):avg:trace.http.request.errors{service:checkout-api} > 0.05',
    options: {
      thresholds: { critical: 0.05 },
      notify_no_data: false,
      new_group_delay: 60,
    },
    multi: false,
    created: '2026-03-01T10:00:00.000000+00:00',
    modified: '2026-10-01T10:00:00.000000+00:00',
    creator: {
      name: 'Ada',
      handle: 'ada@example.com',
      email: 'ada@example.com',
    },
    priority: null,
    restricted_roles: null,
    deleted: null,
    overall_state_modified: '2026-11-30T11:00:00+00:00',
    overall_state: 'OK',
    ...overrides,
  };
}

const settings = {
  reliability: {
    datadog: {
      site: 'datadoghq.eu',
      apiKey: 'api-key',
      applicationKey: 'app-key',
      timeoutMs: 2000,
      monitors: { tags: ['team:checkout-payments'] },
    },
  },
};

function source(config: object = settings) {
  return datadogAlertSourceFromConfig(
    mockServices.rootConfig({ data: config }),
    mockServices.logger.mock(),
  );
}

const request = {
  from: new Date('2026-10-31T12:00:00Z'),
  to: new Date('2026-11-30T12:00:00Z'),
};

describe('DatadogAlertSource', () => {
  it('lists the monitors with the configured tags, page by page, as alerts', async () => {
    const seen: URLSearchParams[] = [];
    const pages = [
      [
        monitor(101, {
          name: 'Checkout error rate',
          overall_state: 'Alert',
          priority: 1,
          message:
            'Error rate above 5%.\n[Runbook](https://wiki.example.com/runbooks/checkout-errors)\n@pagerduty-Checkout @slack-checkout',
        }),
        monitor(102, {
          name: 'Checkout latency',
          overall_state: 'Warn',
          message:
            'p99 above 1s. Runbook: https://wiki.example.com/runbooks/latency\n{{#is_alert}}@opsgenie-checkout{{/is_alert}}',
        }),
      ],
      [
        monitor(103, {
          name: 'Orders DB disk',
          overall_state: 'No Data',
          tags: ['service:orders-db', 'managed'],
        }),
      ],
    ];
    server.use(
      http.get(MONITORS, ({ request: req }) => {
        expect(req.headers.get('DD-API-KEY')).toBe('api-key');
        expect(req.headers.get('DD-APPLICATION-KEY')).toBe('app-key');
        const params = new URL(req.url).searchParams;
        seen.push(params);
        return HttpResponse.json(pages[Number(params.get('page'))] ?? []);
      }),
    );
    // Two monitors per page, so the second page is read and, being short, is the last.
    const paged = new DatadogAlertSource(
      new DatadogMonitorsClient({
        ...settings.reliability.datadog,
        pageSize: 2,
      }),
      {
        monitorTags: ['team:checkout-payments'],
        pagingHandles: DEFAULT_PAGING_HANDLES,
      },
    );
    const { alerts, firings } = await paged.getInventory(request);
    expect(
      seen.map(p => [p.get('page'), p.get('page_size'), p.get('monitor_tags')]),
    ).toEqual([
      ['0', '2', 'team:checkout-payments'],
      ['1', '2', 'team:checkout-payments'],
    ]);
    expect(firings).toBeUndefined();
    expect(alerts).toEqual([
      {
        id: '101',
        name: 'Checkout error rate',
        state: 'firing',
        severity: 'P1',
        pages: true,
        labels: {
          service: 'checkout-api',
          team: 'checkout-payments',
          env: 'prod',
        },
        runbookUrl: 'https://wiki.example.com/runbooks/checkout-errors',
        description:
          'Error rate above 5%. [Runbook](https://wiki.example.com/runbooks/checkout-errors)',
        url: 'https://app.datadoghq.eu/monitors/101',
        query:
          'avg(last_5m):avg:trace.http.request.errors{service:checkout-api} > 0.05',
        firingSince: '2026-11-30T11:00:00+00:00',
      },
      expect.objectContaining({
        id: '102',
        state: 'ok',
        severity: null,
        pages: true,
        runbookUrl: 'https://wiki.example.com/runbooks/latency',
        firingSince: null,
      }),
      expect.objectContaining({
        id: '103',
        state: 'no-data',
        pages: false,
        runbookUrl: null,
        labels: { service: 'orders-db', managed: '' },
      }),
    ]);
  });

  it('explains a refused key and surfaces outages as provider errors', async () => {
    server.use(
      http.get(MONITORS, () =>
        HttpResponse.json({ errors: ['Forbidden'] }, { status: 403 }),
      ),
    );
    const error = await source()
      .getInventory(request)
      .catch(e => e);
    expect(error).toBeInstanceOf(ProviderHttpError);
    expect(error.message).toContain(
      'Datadog refused to list monitors (HTTP 403): Forbidden',
    );
  });

  it('rejects invalid monitor tags at start-up', () => {
    expect(() =>
      source({
        reliability: {
          datadog: {
            ...settings.reliability.datadog,
            monitors: { tags: ['team payments'] },
          },
        },
      }),
    ).toThrow(ProviderConfigError);
  });

  it('reads runbook links and tags', () => {
    expect(
      runbookFromMessage(
        'See [the runbook](https://a.example.com/x) and https://b.example.com',
      ),
    ).toBe('https://a.example.com/x');
    expect(
      runbookFromMessage(
        'Dashboard: https://d.example.com\nRunbook - https://r.example.com/y.',
      ),
    ).toBe('https://r.example.com/y');
    expect(runbookFromMessage('Dashboard: https://d.example.com')).toBeNull();
    expect(
      tagsToLabels(['service:a', 'service:b', 'env:prod:eu', 'bare']),
    ).toEqual({
      service: 'a',
      env: 'prod:eu',
      bare: '',
    });
  });
});
