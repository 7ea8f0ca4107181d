import { mockServices } from '@backstage/backend-test-utils';
import {
  binaryAvailable,
  startPrometheus,
  TestPrometheus,
  waitFor,
} from '../__testUtils__/startPrometheus';
import { prometheusAlertSourceFromConfig } from '../providerFromConfig';
import { PrometheusAlertsClient } from './PrometheusAlertsClient';
import { PrometheusAlertSource } from './PrometheusAlertSource';

/**
 * Runs the alert source against a real Prometheus (the `prometheus` binary) evaluating a rules file every second,
 * whose alerts really fire: one always, one every other 4 s (so it fires and resolves), one never, and one that
 * waits an hour in pending. Set RELIABILITY_SKIP_PROMETHEUS_TESTS=1 to skip where Prometheus cannot be installed.
 */
const skip = process.env.RELIABILITY_SKIP_PROMETHEUS_TESTS === '1';
const describeWithPrometheus = skip ? describe.skip : describe;

const RULES = `
groups:
  - name: checkout
    interval: 1s
    rules:
      - alert: CheckoutAlwaysFiring
        expr: vector(1)
        labels:
          severity: critical
          service: checkout-api
        annotations:
          summary: Checkout fails every request
          runbook_url: https://wiki.example.com/runbooks/checkout-errors
      - alert: CheckoutFlapping
        expr: (vector(time()) % 8) < 4
        labels:
          severity: page
          service: checkout-api
      - alert: CheckoutNeverFiring
        expr: vector(1) > 2
        labels:
          severity: warning
          service: checkout-api
      - alert: OrdersDbPendingForAnHour
        expr: vector(1)
        for: 1h
        labels:
          severity: critical
          service: orders-db
`;

describeWithPrometheus(
  'PrometheusAlertSource against a real Prometheus',
  () => {
    let prometheus: TestPrometheus;
    let source: PrometheusAlertSource;
    let startedAt: Date;

    beforeAll(async () => {
      if (!binaryAvailable('prometheus')) {
        throw new Error(
          'The prometheus binary is needed by this test (Debian: apt-get install prometheus). ' +
            'Set RELIABILITY_SKIP_PROMETHEUS_TESTS=1 to skip it.',
        );
      }
      startedAt = new Date();
      prometheus = await startPrometheus({
        'prometheus.yml':
          'global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\nrule_files:\n  - rules.yml\n',
        'rules.yml': RULES,
      });
      const client = new PrometheusAlertsClient({
        baseUrl: prometheus.baseUrl,
        headers: {},
        timeoutMs: 10_000,
      });
      source = new PrometheusAlertSource(client, {
        pagingSeverities: ['critical', 'page'],
        externalUrl: 'https://prometheus.example.com',
      });
      // Until the flapping alert has fired and resolved at least twice.
      await waitFor(
        'two resolved firings of CheckoutFlapping',
        async () => {
          const { firings } = await source.getInventory({
            from: startedAt,
            to: new Date(),
          });
          return (
            (firings ?? []).filter(
              f => f.alertId === 'checkout/CheckoutFlapping' && f.resolvedAt,
            ).length >= 2
          );
        },
        45_000,
      );
    }, 120_000);

    afterAll(async () => {
      await prometheus?.stop();
    }, 30_000);

    it('lists every alerting rule with state, severity, paging, runbook and labels', async () => {
      const { alerts } = await source.getInventory({
        from: startedAt,
        to: new Date(),
      });
      expect(alerts.map(a => [a.id, a.state, a.severity, a.pages])).toEqual([
        ['checkout/CheckoutAlwaysFiring', 'firing', 'critical', true],
        [
          'checkout/CheckoutFlapping',
          expect.stringMatching(/^(ok|firing)$/),
          'page',
          true,
        ],
        ['checkout/CheckoutNeverFiring', 'ok', 'warning', false],
        // Pending is not firing yet.
        ['checkout/OrdersDbPendingForAnHour', 'ok', 'critical', true],
      ]);
      expect(alerts[0]).toEqual({
        id: 'checkout/CheckoutAlwaysFiring',
        name: 'CheckoutAlwaysFiring',
        state: 'firing',
        severity: 'critical',
        pages: true,
        labels: { severity: 'critical', service: 'checkout-api' },
        runbookUrl: 'https://wiki.example.com/runbooks/checkout-errors',
        description: 'Checkout fails every request',
        url: 'https://prometheus.example.com/alerts?search=CheckoutAlwaysFiring',
        query: 'vector(1)',
        firingSince: expect.any(String),
      });
      expect(Date.parse(alerts[0].firingSince!)).toBeGreaterThanOrEqual(
        startedAt.getTime() - 1000,
      );
    });

    it('reads the firing history from the ALERTS series', async () => {
      const to = new Date();
      const { firings = [] } = await source.getInventory({
        from: startedAt,
        to,
      });
      const of = (id: string) => firings.filter(f => f.alertId === id);
      // Fired once, since the start, and still fires.
      expect(of('checkout/CheckoutAlwaysFiring')).toEqual([
        {
          alertId: 'checkout/CheckoutAlwaysFiring',
          startedAt: expect.any(String),
          resolvedAt: null,
        },
      ]);
      // Fires about 4 s out of every 8 s: several firings, each resolved within seconds.
      const flapping = of('checkout/CheckoutFlapping').filter(
        f => f.resolvedAt,
      );
      expect(flapping.length).toBeGreaterThanOrEqual(2);
      for (const firing of flapping) {
        const seconds =
          (Date.parse(firing.resolvedAt!) - Date.parse(firing.startedAt)) /
          1000;
        expect(seconds).toBeGreaterThan(0);
        expect(seconds).toBeLessThan(30);
      }
      expect(of('checkout/CheckoutNeverFiring')).toEqual([]);
      expect(of('checkout/OrdersDbPendingForAnHour')).toEqual([]);
    });

    it('is registered with a config-built client', async () => {
      const configured = prometheusAlertSourceFromConfig(
        mockServices.rootConfig({
          data: {
            reliability: { prometheus: { baseUrl: prometheus.baseUrl } },
          },
        }),
        mockServices.logger.mock(),
      );
      const { alerts } = await configured.getInventory({
        from: startedAt,
        to: new Date(),
      });
      expect(alerts).toHaveLength(4);
      // Without alerts.externalUrl there is no link.
      expect(alerts[0].url).toBeNull();
    });
  },
);
