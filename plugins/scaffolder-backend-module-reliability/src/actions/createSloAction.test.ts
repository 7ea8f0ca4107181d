import { createMockDirectory } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import fs from 'node:fs/promises';
import { parseSloFile } from '../__testUtils__/producedFiles';
import { createSloAction } from './createSloAction';

describe('reliability:slo:create', () => {
  const workspace = createMockDirectory();
  const action = createSloAction();

  beforeEach(() => workspace.clear());

  function run(input: Record<string, unknown>) {
    const ctx = createMockActionContext({
      input: input as any,
      workspacePath: workspace.path,
    });
    return { ctx, done: action.handler(ctx as any) };
  }

  it('writes an OpenSLO file the suite parses, with burn-rate alerts sized for each window', async () => {
    const { ctx, done } = run({
      service: 'checkout-api',
      slos: [
        { preset: 'availability', target: 0.999, window: '28d' },
        {
          preset: 'latency',
          target: 0.99,
          window: '7d',
          latencyThresholdMs: 800,
        },
      ],
      runbook: 'checkout-api-slo-alerts',
    });
    await done;

    const text = await fs.readFile(
      workspace.resolve('slos/checkout-api.yaml'),
      'utf8',
    );
    const slos = parseSloFile(text);
    expect(
      slos.map(s => [s.name, s.objectives[0].target, s.window.label]),
    ).toEqual([
      ['checkout-api-availability', 0.999, '28d'],
      ['checkout-api-latency', 0.99, '7d'],
    ]);
    expect(slos[0].indicator.ratio?.total).toEqual({
      type: 'embedded',
      spec: { sli: 'checkout-api-availability' },
    });
    expect(slos[1].description).toContain('800 ms');
    expect(slos[0].runbook).toBe('checkout-api-slo-alerts');
    // 2% of a 28-day budget in 1h = 13.44x; the 7-day window's fast burn is 3.36x.
    expect(slos[0].alertPolicies[0]).toMatchObject({
      name: 'checkout-api-availability-page-fast-burn',
      runbook: 'checkout-api-slo-alerts',
      conditions: [
        expect.objectContaining({
          severity: 'page',
          burnRateThreshold: 13.44,
          longWindowSeconds: 3600,
          shortWindowSeconds: 300,
        }),
      ],
    });
    expect(slos[1].alertPolicies[0].conditions[0].burnRateThreshold).toBe(3.36);
    expect(ctx.output).toHaveBeenCalledWith('path', 'slos/checkout-api.yaml');
    expect(ctx.output).toHaveBeenCalledWith('sloNames', [
      'checkout-api-availability',
      'checkout-api-latency',
    ]);
    expect(ctx.output).toHaveBeenCalledWith(
      'alertNames',
      expect.arrayContaining(['checkout-api-latency-ticket-slow-burn']),
    );
  });

  it('writes Prometheus queries for the presets, and the template can replace them', async () => {
    await run({
      service: 'search',
      source: 'prometheus',
      path: 'openslo.yaml',
      alerts: false,
      slos: [
        { preset: 'availability', target: 0.995, window: '30d' },
        {
          preset: 'latency',
          target: 0.99,
          window: '30d',
          goodQuery: 'fast_total{job="search"}',
          totalQuery: 'all_total{job="search"}',
        },
      ],
    }).done;
    const slos = parseSloFile(
      await fs.readFile(workspace.resolve('openslo.yaml'), 'utf8'),
    );
    expect(slos[0].indicator.ratio?.good).toEqual({
      type: 'prometheus',
      spec: { query: 'http_requests_total{service="search",code!~"5.."}' },
    });
    expect(slos[1].indicator.ratio?.good?.spec).toEqual({
      query: 'fast_total{job="search"}',
    });
    expect(slos.every(s => s.alertPolicies.length === 0)).toBe(true);
  });

  it('fails with the validation message on an invalid target, writing nothing', async () => {
    await expect(
      run({
        service: 'checkout-api',
        slos: [{ preset: 'availability', target: 99.9, window: '28d' }],
      }).done,
    ).rejects.toThrow(
      /Invalid SLO definition: checkout-api-availability spec\.objectives\.0\.target: .+/,
    );
    await expect(
      fs.access(workspace.resolve('slos/checkout-api.yaml')),
    ).rejects.toThrow();
  });

  it('fails with the validation message on an invalid window', async () => {
    await expect(
      run({
        service: 'checkout-api',
        slos: [{ preset: 'availability', target: 0.999, window: 'a month' }],
      }).done,
    ).rejects.toThrow(
      "Invalid SLO definition: checkout-api-availability spec.timeWindow.0.duration: 'a month' is not a duration like 30d, 4w, 1h or 1M",
    );
    await expect(
      run({
        service: 'checkout-api',
        slos: [{ preset: 'availability', target: 0.999, window: '1M' }],
      }).done,
    ).rejects.toThrow(/a rolling window needs a duration in minutes/);
  });

  it('never replaces an existing file unless asked, and stays inside the workspace', async () => {
    workspace.setContent({ 'slos/checkout-api.yaml': 'ours' });
    const slos = [{ preset: 'availability', target: 0.999, window: '28d' }];
    await expect(run({ service: 'checkout-api', slos }).done).rejects.toThrow(
      /already exists/,
    );
    expect(
      await fs.readFile(workspace.resolve('slos/checkout-api.yaml'), 'utf8'),
    ).toBe('ours');
    await run({ service: 'checkout-api', slos, overwrite: true }).done;
    expect(
      parseSloFile(
        await fs.readFile(workspace.resolve('slos/checkout-api.yaml'), 'utf8'),
      ),
    ).toHaveLength(1);
    await expect(
      run({ service: 'checkout-api', slos, path: '../outside.yaml' }).done,
    ).rejects.toThrow(/outside/i);
  });
});
