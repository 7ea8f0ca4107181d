import { mockServices } from '@backstage/backend-test-utils';
import {
  SliIndicator,
  SloDefinition,
} from '@internal/backstage-plugin-reliability-common';
import { ChildProcess, spawn, spawnSync } from 'child_process';
import fs from 'fs';
import net from 'net';
import os from 'os';
import path from 'path';
import { ProviderResponseError } from '@internal/backstage-plugin-reliability-node';
import { PrometheusClient } from './PrometheusClient';
import { PrometheusSliProvider } from './PrometheusSliProvider';
import { prometheusProviderFromConfig } from './providerFromConfig';

/**
 * Runs the provider against a real Prometheus (the `prometheus` and `promtool` binaries) holding
 * backfilled counters with known values. Set RELIABILITY_SKIP_PROMETHEUS_TESTS=1 to skip where
 * Prometheus cannot be installed; otherwise a missing binary fails the suite.
 */
const skip = process.env.RELIABILITY_SKIP_PROMETHEUS_TESTS === '1';
const describeWithPrometheus = skip ? describe.skip : describe;

// An hour of data, one sample a minute, starting on an hour boundary.
const T0 = 1_699_999_200;
const MINUTE = 60;

/**
 * Orders, scraped every minute but 17 s after the minute, so window edges fall between scrapes. `ordersOk[i]`
 * and `ordersFailed[i]` are the events scrape i saw since the previous one: uneven increments, a restart
 * (counter reset) at scrape 50, and a sparse code="500" series that only appears with its first error at
 * scrape 15.
 */
const ORDERS_OFFSET = 17;
const ORDERS_RESET_AT = 50;
const ordersOk = Array.from(
  { length: 61 },
  (_, i) => ((i * 37) % 11) * 10 + (i % 3),
);
const ordersFailed: Record<number, number> = {
  15: 1,
  22: 1,
  27: 2,
  33: 1,
  52: 1,
};
const ordersScrape = (i: number) => T0 + i * MINUTE + ORDERS_OFFSET;

/** The events of the scrapes in (from, to]: the counts at scrape resolution. */
function ordersSeen(from: Date, to: Date) {
  const within = (i: number) =>
    from.getTime() < ordersScrape(i) * 1000 &&
    ordersScrape(i) * 1000 <= to.getTime();
  const sum = (counts: Array<[number, number]>) =>
    counts.filter(([i]) => within(i)).reduce((a, [, n]) => a + n, 0);
  return {
    ok: sum(ordersOk.map((n, i) => [i, n])),
    failed: sum(Object.entries(ordersFailed).map(([i, n]) => [+i, n])),
  };
}

function ordersMetrics(): string[] {
  const lines = ['# TYPE orders counter'];
  let ok = 0;
  ordersOk.forEach((n, i) => {
    ok = i === ORDERS_RESET_AT ? n : ok + n;
    lines.push(`orders_total{code="200"} ${ok} ${ordersScrape(i)}`);
  });
  let failed = 0;
  for (let i = 15; i <= 60; i++) {
    failed += ordersFailed[i] ?? 0;
    lines.push(`orders_total{code="500"} ${failed} ${ordersScrape(i)}`);
  }
  return lines;
}

function openMetrics(): string {
  const lines: string[] = [];
  lines.push('# TYPE http_requests counter');
  for (let i = 0; i <= 60; i++) {
    lines.push(`http_requests_total{code="200"} ${i * 100} ${T0 + i * MINUTE}`);
  }
  for (let i = 0; i <= 60; i++) {
    lines.push(`http_requests_total{code="500"} ${i * 2} ${T0 + i * MINUTE}`);
  }
  lines.push('# TYPE latency_seconds gauge');
  for (let i = 0; i <= 60; i++) {
    // every 4th minute is slow
    lines.push(`latency_seconds ${i % 4 === 0 ? 0.5 : 0.1} ${T0 + i * MINUTE}`);
  }
  lines.push(...ordersMetrics());
  lines.push('# EOF');
  return `${lines.join('\n')}\n`;
}

function binaryAvailable(name: string): boolean {
  return spawnSync(name, ['--version'], { stdio: 'ignore' }).status === 0;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilReady(
  baseUrl: string,
  process: ChildProcess,
  log: () => string,
) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (process.exitCode !== null) {
      throw new Error(`prometheus exited with ${process.exitCode}:\n${log()}`);
    }
    try {
      const response = await fetch(`${baseUrl}/-/ready`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise(resolve => setTimeout(resolve, 250));
  }
  throw new Error(`prometheus was not ready within 60s:\n${log()}`);
}

const slo = (
  indicator: SliIndicator,
  objectives: SloDefinition['objectives'] = [{ target: 0.99 }],
): SloDefinition => ({
  name: 'checkout-availability',
  indicator,
  window: { kind: 'rolling', durationSeconds: 28 * 86400, label: '28d' },
  budgetingMethod: 'Occurrences',
  objectives,
  alertPolicies: [],
});

const prom = (query: string) => ({ type: 'prometheus', spec: { query } });

describeWithPrometheus(
  'PrometheusSliProvider against a real Prometheus',
  () => {
    let tmpDir: string;
    let prometheus: ChildProcess | undefined;
    let provider: PrometheusSliProvider;
    let baseUrl: string;

    beforeAll(async () => {
      if (!binaryAvailable('prometheus') || !binaryAvailable('promtool')) {
        throw new Error(
          'The prometheus and promtool binaries are needed by this test (Debian: apt-get install prometheus). ' +
            'Set RELIABILITY_SKIP_PROMETHEUS_TESTS=1 to skip it.',
        );
      }
      tmpDir = fs.mkdtempSync(
        path.join(os.tmpdir(), 'reliability-prometheus-'),
      );
      const dataDir = path.join(tmpDir, 'data');
      fs.writeFileSync(path.join(tmpDir, 'data.om'), openMetrics());
      fs.writeFileSync(
        path.join(tmpDir, 'prometheus.yml'),
        'global:\n  scrape_interval: 1m\n',
      );
      const backfill = spawnSync(
        'promtool',
        [
          'tsdb',
          'create-blocks-from',
          'openmetrics',
          path.join(tmpDir, 'data.om'),
          dataDir,
        ],
        { encoding: 'utf8' },
      );
      if (backfill.status !== 0) {
        throw new Error(`promtool backfill failed: ${backfill.stderr}`);
      }
      const port = await freePort();
      baseUrl = `http://127.0.0.1:${port}`;
      let output = '';
      prometheus = spawn(
        'prometheus',
        [
          `--storage.tsdb.path=${dataDir}`,
          `--config.file=${path.join(tmpDir, 'prometheus.yml')}`,
          `--web.listen-address=127.0.0.1:${port}`,
          '--storage.tsdb.retention.time=10y',
        ],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      );
      prometheus.stdout?.on('data', chunk => (output += chunk));
      prometheus.stderr?.on('data', chunk => (output += chunk));
      await waitUntilReady(baseUrl, prometheus, () => output.slice(-4000));
      provider = new PrometheusSliProvider(
        new PrometheusClient({ baseUrl, headers: {}, timeoutMs: 10_000 }),
      );
    }, 90_000);

    afterAll(async () => {
      if (prometheus && prometheus.exitCode === null) {
        const exited = new Promise(resolve =>
          prometheus!.once('exit', resolve),
        );
        prometheus.kill('SIGTERM');
        await exited;
      }
      if (tmpDir) {
        fs.rmSync(tmpDir, { recursive: true, force: true });
      }
    }, 30_000);

    const entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'checkout' },
    };
    // minutes 10 to 30: 2000 successful and 40 failed requests
    const from = new Date((T0 + 10 * MINUTE) * 1000);
    const to = new Date((T0 + 30 * MINUTE) * 1000);

    it('counts good and total events of a ratio SLI exactly', async () => {
      const indicator: SliIndicator = {
        name: 'availability',
        ratio: {
          good: prom('http_requests_total{code!~"5.."}'),
          total: prom('http_requests_total'),
        },
      };
      await expect(
        provider.getEventCounts({
          entity,
          slo: slo(indicator),
          indicator,
          from,
          to,
        }),
      ).resolves.toEqual({ good: 2000, total: 2040 });
    });

    it('derives good from bad and total, and accepts expressions with {{.window}}', async () => {
      const indicator: SliIndicator = {
        name: 'availability',
        ratio: {
          bad: prom(
            'sum(increase(http_requests_total{code=~"5.."}[{{.window}}]))',
          ),
          total: prom('http_requests_total'),
        },
      };
      await expect(
        provider.getEventCounts({
          entity,
          slo: slo(indicator),
          indicator,
          from,
          to,
        }),
      ).resolves.toEqual({ good: 2000, total: 2040 });
    });

    it('reports no traffic as zero for series without data in the window', async () => {
      const indicator: SliIndicator = {
        name: 'availability',
        ratio: {
          good: prom('missing_total{code="200"}'),
          total: prom('missing_total'),
        },
      };
      await expect(
        provider.getEventCounts({
          entity,
          slo: slo(indicator),
          indicator,
          from,
          to,
        }),
      ).resolves.toEqual({ good: 0, total: 0 });
    });

    describe('counters scraped between window edges', () => {
      const orders: SliIndicator = {
        name: 'orders',
        ratio: {
          bad: prom('orders_total{code=~"5.."}'),
          total: prom('orders_total'),
        },
      };
      const countOrders = (fromMinute: number, toMinute: number) =>
        provider.getEventCounts({
          entity,
          slo: slo(orders),
          indicator: orders,
          from: new Date((T0 + fromMinute * MINUTE) * 1000),
          to: new Date((T0 + toMinute * MINUTE) * 1000),
        });

      it('counts uneven increments and a series that appears inside the window exactly', async () => {
        // minutes 10 to 30: the code="500" series appears at 15:17 with its first error (value 1)
        const seen = ordersSeen(
          new Date((T0 + 10 * MINUTE) * 1000),
          new Date((T0 + 30 * MINUTE) * 1000),
        );
        expect(seen.failed).toBe(4);
        // sum(increase(...)) gave good 971.68 - 3.26 = 968.42, total 971.68 (errors 3.26 instead of 4)
        await expect(countOrders(10, 30)).resolves.toEqual({
          good: seen.ok,
          total: seen.ok + seen.failed,
        });
      });

      it('counts a series with a counter reset inside the window within one scrape of events at each edge', async () => {
        // minutes 40 to 58: the code="200" series restarts at 50:17, the code="500" one does not
        const seen = ordersSeen(
          new Date((T0 + 40 * MINUTE) * 1000),
          new Date((T0 + 58 * MINUTE) * 1000),
        );
        expect(seen.failed).toBe(1);
        const counts = await countOrders(40, 58);
        // series without a reset stay exact
        expect(counts.total - counts.good).toBeCloseTo(seen.failed, 9);
        // the reset series is counted by increase(), which estimates both edges from the average rate
        const edges = ordersOk[40] + ordersOk[57];
        expect(
          Math.abs(counts.total - (seen.ok + seen.failed)),
        ).toBeLessThanOrEqual(edges);
      });
    });

    it('counts the samples of a threshold SLI meeting the objective', async () => {
      const indicator: SliIndicator = {
        name: 'latency',
        threshold: { metricSource: prom('latency_seconds') },
      };
      // 20 one-minute samples in (from, to]: minutes 11..30, of which 12, 16, 20, 24 and 28 are slow
      await expect(
        provider.getEventCounts({
          entity,
          slo: slo(indicator, [{ target: 0.9, op: 'lte', value: 0.2 }]),
          indicator,
          from,
          to,
        }),
      ).resolves.toEqual({ good: 15, total: 20 });
    });

    it('surfaces PromQL errors as ProviderResponseError', async () => {
      const indicator: SliIndicator = {
        name: 'broken',
        ratio: {
          good: prom('sum(rate(x[{{.window}}]'),
          total: prom('http_requests_total'),
        },
      };
      await expect(
        provider.getEventCounts({
          entity,
          slo: slo(indicator),
          indicator,
          from,
          to,
        }),
      ).rejects.toThrow(ProviderResponseError);
    });

    it('is registered with a config-built client', async () => {
      const configured = prometheusProviderFromConfig(
        mockServices.rootConfig({
          data: { reliability: { prometheus: { baseUrl } } },
        }),
        mockServices.logger.mock(),
      );
      const indicator: SliIndicator = {
        name: 'availability',
        ratio: {
          good: prom('http_requests_total{code="200"}'),
          total: prom('http_requests_total'),
        },
      };
      await expect(
        configured.getEventCounts({
          entity,
          slo: slo(indicator),
          indicator,
          from,
          to,
        }),
      ).resolves.toEqual({ good: 2000, total: 2040 });
    });
  },
);
