import { validateOpenSloDocuments } from './parse';

const ratioSli = {
  apiVersion: 'openslo/v1',
  kind: 'SLI',
  metadata: {
    name: 'checkout-availability',
    displayName: 'Checkout availability',
  },
  spec: {
    ratioMetric: {
      counter: true,
      good: {
        metricSource: {
          type: 'prometheus',
          spec: { query: 'http_requests_total{code!~"5.."}' },
        },
      },
      total: {
        metricSource: {
          type: 'prometheus',
          spec: { query: 'http_requests_total' },
        },
      },
    },
  },
};

function slo(
  spec: Record<string, unknown> = {},
  metadata: Record<string, unknown> = {},
) {
  return {
    apiVersion: 'openslo/v1',
    kind: 'SLO',
    metadata: { name: 'checkout-availability', ...metadata },
    spec: {
      service: 'checkout',
      indicatorRef: 'checkout-availability',
      timeWindow: [{ duration: '28d', isRolling: true }],
      budgetingMethod: 'Occurrences',
      objectives: [{ displayName: 'Available', target: 0.999 }],
      ...spec,
    },
  };
}

describe('validateOpenSloDocuments', () => {
  it('normalises an SLO referencing an SLI document', () => {
    const result = validateOpenSloDocuments([
      ratioSli,
      slo({}, { displayName: 'Checkout' }),
    ]);
    expect(result.errors).toEqual([]);
    expect(result.slos).toEqual([
      {
        name: 'checkout-availability',
        displayName: 'Checkout',
        service: 'checkout',
        indicator: {
          name: 'checkout-availability',
          displayName: 'Checkout availability',
          ratio: {
            good: {
              type: 'prometheus',
              spec: { query: 'http_requests_total{code!~"5.."}' },
            },
            total: {
              type: 'prometheus',
              spec: { query: 'http_requests_total' },
            },
          },
        },
        window: { kind: 'rolling', durationSeconds: 28 * 86400, label: '28d' },
        budgetingMethod: 'Occurrences',
        objectives: [{ displayName: 'Available', target: 0.999 }],
        alertPolicies: [],
      },
    ]);
  });

  it('reads inline indicators, targetPercent, calendar windows, timeslices and runbook annotations', () => {
    const { slos, errors } = validateOpenSloDocuments([
      slo(
        {
          indicatorRef: undefined,
          indicator: {
            metadata: { name: 'latency' },
            spec: {
              thresholdMetric: {
                metricSource: { type: 'datadog', spec: { sloId: 'abc123' } },
              },
            },
          },
          timeWindow: [
            {
              duration: '1M',
              isRolling: false,
              calendar: {
                startTime: '2024-01-01 00:00:00',
                timeZone: 'Europe/Berlin',
              },
            },
          ],
          budgetingMethod: 'RatioTimeslices',
          objectives: [
            {
              targetPercent: 99.5,
              op: 'lte',
              value: 300,
              timeSliceWindow: '5m',
              timeSliceTarget: 0.9,
            },
          ],
        },
        {
          annotations: {
            'reliability.sre-portal.dev/runbook':
              'https://runbooks.example.com/checkout',
          },
        },
      ),
    ]);
    expect(errors).toEqual([]);
    expect(slos[0]).toMatchObject({
      runbook: 'https://runbooks.example.com/checkout',
      indicator: {
        name: 'latency',
        threshold: {
          metricSource: { type: 'datadog', spec: { sloId: 'abc123' } },
        },
      },
      window: {
        kind: 'calendar',
        unit: 'Month',
        count: 1,
        startTime: '2024-01-01 00:00:00',
        timeZone: 'Europe/Berlin',
        label: '1M',
      },
      // kept as written: RatioTimeslices averages slice ratios, it is not Timeslices
      budgetingMethod: 'RatioTimeslices',
      objectives: [
        {
          target: 0.995,
          op: 'lte',
          value: 300,
          timeSliceWindowSeconds: 300,
          timeSliceTarget: 0.9,
        },
      ],
    });
  });

  it('maps inline and referenced burn-rate alert policies, and invents none when absent', () => {
    const { slos, errors } = validateOpenSloDocuments([
      ratioSli,
      {
        apiVersion: 'openslo/v1',
        kind: 'AlertCondition',
        metadata: { name: 'slow-burn' },
        spec: {
          severity: 'ticket',
          condition: {
            kind: 'burnrate',
            op: 'gte',
            threshold: 1,
            lookbackWindow: '3d',
            alertAfter: '6h',
          },
        },
      },
      {
        apiVersion: 'openslo/v1',
        kind: 'AlertPolicy',
        metadata: { name: 'tickets' },
        spec: { conditions: [{ conditionRef: 'slow-burn' }] },
      },
      slo({
        alertPolicies: [
          {
            kind: 'AlertPolicy',
            metadata: {
              name: 'fast-burn',
              annotations: {
                'reliability.sre-portal.dev/runbook':
                  'checkout-high-error-rate',
              },
            },
            spec: {
              description: 'Pages on fast budget burn',
              conditions: [
                {
                  kind: 'AlertCondition',
                  metadata: { name: 'page-1h' },
                  spec: {
                    severity: 'page',
                    condition: {
                      kind: 'burnrate',
                      op: 'gte',
                      threshold: 14.4,
                      lookbackWindow: '1h',
                      alertAfter: '5m',
                    },
                  },
                },
                {
                  kind: 'AlertCondition',
                  metadata: { name: 'page-6h' },
                  spec: {
                    severity: 'critical',
                    condition: {
                      kind: 'burnrate',
                      op: 'gte',
                      threshold: 6,
                      lookbackWindow: '6h',
                    },
                  },
                },
              ],
            },
          },
          { alertPolicyRef: 'tickets' },
        ],
      }),
      slo({}, { name: 'no-alerts' }),
    ]);
    expect(errors).toEqual([]);
    expect(slos[0].alertPolicies).toEqual([
      {
        name: 'fast-burn',
        description: 'Pages on fast budget burn',
        runbook: 'checkout-high-error-rate',
        conditions: [
          {
            name: 'page-1h',
            severity: 'page',
            burnRateThreshold: 14.4,
            longWindowSeconds: 3600,
            shortWindowSeconds: 300,
          },
          // no alertAfter: the workbook's short window, 1/12 of the long one
          {
            name: 'page-6h',
            severity: 'page',
            burnRateThreshold: 6,
            longWindowSeconds: 21600,
            shortWindowSeconds: 1800,
          },
        ],
      },
      {
        name: 'tickets',
        conditions: [
          {
            name: 'slow-burn',
            severity: 'ticket',
            burnRateThreshold: 1,
            longWindowSeconds: 259200,
            shortWindowSeconds: 21600,
          },
        ],
      },
    ]);
    expect(slos[1].alertPolicies).toEqual([]);
  });

  it('reports errors with the document name and field path, and keeps the valid SLOs', () => {
    const { slos, errors } = validateOpenSloDocuments([
      ratioSli,
      slo({ objectives: [{ target: 1.5 }] }, { name: 'too-high' }),
      slo(
        { timeWindow: [{ duration: '400d', isRolling: true }] },
        { name: 'too-long' },
      ),
      slo({ indicatorRef: 'missing' }, { name: 'dangling' }),
      slo({}, { name: 'Not_A_Dns_Name' }),
      slo({ objectives: [{}] }, { name: 'no-target' }),
      slo({ budgetingMethod: 'Timeslices' }, { name: 'no-slice' }),
      slo({ budgetingMethod: 'RatioTimeslices' }, { name: 'no-ratio-slice' }),
      slo(
        {
          timeWindow: [
            {
              duration: '1M',
              isRolling: false,
              calendar: { timeZone: 'Mars/Olympus' },
            },
          ],
        },
        { name: 'bad-zone' },
      ),
      slo({}, { name: 'fine' }),
    ]);
    expect(slos.map(s => s.name)).toEqual(['fine']);
    expect(errors).toEqual([
      {
        document: 'too-high',
        path: 'spec.objectives.0.target',
        message: 'target must be at most 1 (use targetPercent for percentages)',
      },
      {
        document: 'too-long',
        path: 'spec.timeWindow.0.duration',
        message: 'the window must be between 1m and 366d',
      },
      {
        document: 'dangling',
        path: 'spec.indicatorRef',
        message: "no SLI named 'missing' in this file",
      },
      {
        document: 'Not_A_Dns_Name',
        path: 'metadata.name',
        message: expect.stringContaining('DNS-like name'),
      },
      {
        document: 'no-target',
        path: 'spec.objectives.0.target',
        message: 'target (0 < target <= 1) or targetPercent is required',
      },
      {
        document: 'no-slice',
        path: 'spec.objectives.0.timeSliceWindow',
        message: 'Timeslices budgeting needs a timeSliceWindow (e.g. 1m)',
      },
      {
        document: 'no-ratio-slice',
        path: 'spec.objectives.0.timeSliceWindow',
        message: 'RatioTimeslices budgeting needs a timeSliceWindow (e.g. 1m)',
      },
      {
        document: 'bad-zone',
        path: 'spec.timeWindow.0.calendar.timeZone',
        message: "unknown time zone 'Mars/Olympus'",
      },
    ]);
  });

  it('rejects prototype-pollution keys, unknown kinds and versions, and names documents by position', () => {
    const polluted = JSON.parse(
      '{"apiVersion":"openslo/v1","kind":"SLO","metadata":{"name":"evil"},"spec":{"__proto__":{"x":1}}}',
    );
    const { slos, errors } = validateOpenSloDocuments([
      polluted,
      { apiVersion: 'openslo/v2', kind: 'SLO', metadata: { name: 'future' } },
      { apiVersion: 'openslo/v1', kind: 'Dashboard', metadata: {} },
      {
        apiVersion: 'openslo/v1',
        kind: 'Service',
        metadata: { name: 'checkout' },
        spec: {},
      },
      null,
      'text',
    ]);
    expect(slos).toEqual([]);
    expect(errors).toEqual([
      {
        document: 'evil',
        path: 'spec.__proto__',
        message: expect.stringContaining('forbidden key'),
      },
      {
        document: 'future',
        path: 'apiVersion',
        message: expect.stringContaining("unsupported apiVersion 'openslo/v2'"),
      },
      {
        document: '#3',
        path: 'kind',
        message: expect.stringContaining("unsupported kind 'Dashboard'"),
      },
      { document: '#6', path: '', message: 'document must be a mapping' },
    ]);
    expect(({} as any).x).toBeUndefined();
  });

  it('rejects burn-rate conditions that cannot be alerts and raw ratio metrics', () => {
    const { errors } = validateOpenSloDocuments([
      ratioSli,
      slo({
        alertPolicies: [
          {
            kind: 'AlertPolicy',
            metadata: { name: 'wrong-op' },
            spec: {
              conditions: [
                {
                  metadata: { name: 'c' },
                  spec: {
                    condition: {
                      kind: 'burnrate',
                      op: 'lte',
                      threshold: 2,
                      lookbackWindow: '1h',
                    },
                  },
                },
              ],
            },
          },
        ],
      }),
      slo(
        {
          indicatorRef: undefined,
          indicator: {
            metadata: { name: 'raw' },
            spec: {
              ratioMetric: {
                rawType: 'success',
                raw: { metricSource: { type: 'prometheus', spec: {} } },
              },
            },
          },
        },
        { name: 'raw' },
      ),
    ]);
    expect(errors).toEqual([
      {
        document: 'checkout-availability',
        path: 'spec.alertPolicies.0.spec.conditions.0.spec.condition.op',
        message: expect.stringContaining('use op gte'),
      },
      {
        document: 'raw',
        path: 'spec.indicator.spec.ratioMetric.raw',
        message: expect.stringContaining('not supported'),
      },
    ]);
  });

  it('reads at most 50 SLOs per file and reports duplicates', () => {
    const many = Array.from({ length: 52 }, (_, i) =>
      slo({}, { name: `slo-${i}` }),
    );
    const result = validateOpenSloDocuments([
      ratioSli,
      ...many,
      slo({}, { name: 'slo-0' }),
    ]);
    expect(result.slos).toHaveLength(50);
    expect(result.errors).toEqual([
      {
        document: 'slo-50',
        path: '',
        message: expect.stringContaining('at most 50 SLOs'),
      },
      {
        document: 'slo-0',
        path: 'metadata.name',
        message: "duplicate SLO name 'slo-0'",
      },
    ]);
  });

  it('accepts openslo/v1alpha SLOs', () => {
    const { slos, errors } = validateOpenSloDocuments([
      {
        apiVersion: 'openslo/v1alpha',
        kind: 'SLO',
        metadata: { name: 'legacy', displayName: 'Legacy' },
        spec: {
          service: 'checkout',
          timeWindows: [{ unit: 'Day', count: 30, isRolling: true }],
          budgetingMethod: 'Occurrences',
          objectives: [
            {
              target: 0.99,
              ratioMetrics: {
                incremental: true,
                good: {
                  source: 'prometheus',
                  queryType: 'promql',
                  query: 'good_total',
                },
                total: {
                  source: 'prometheus',
                  queryType: 'promql',
                  query: 'all_total',
                },
              },
            },
          ],
        },
      },
    ]);
    expect(errors).toEqual([]);
    expect(slos[0]).toMatchObject({
      name: 'legacy',
      window: { kind: 'rolling', durationSeconds: 30 * 86400 },
      indicator: {
        ratio: {
          good: {
            type: 'prometheus',
            spec: { query: 'good_total', queryType: 'promql' },
          },
          total: {
            type: 'prometheus',
            spec: { query: 'all_total', queryType: 'promql' },
          },
        },
      },
      objectives: [{ target: 0.99 }],
    });
  });

  it('resolves metric source types from DataSource documents', () => {
    const { slos, errors } = validateOpenSloDocuments([
      {
        apiVersion: 'openslo/v1',
        kind: 'DataSource',
        metadata: { name: 'prom' },
        spec: { type: 'prometheus' },
      },
      {
        ...ratioSli,
        spec: {
          ratioMetric: {
            bad: {
              metricSource: {
                metricSourceRef: 'prom',
                spec: { query: 'errors_total' },
              },
            },
            total: {
              metricSource: {
                metricSourceRef: 'prom',
                spec: { query: 'requests_total' },
              },
            },
          },
        },
      },
      slo(),
    ]);
    expect(errors).toEqual([]);
    expect(slos[0].indicator.ratio).toEqual({
      bad: { type: 'prometheus', spec: { query: 'errors_total' } },
      total: { type: 'prometheus', spec: { query: 'requests_total' } },
    });
  });
});
