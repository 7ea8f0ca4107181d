import { validateOpenSloDocuments } from './parse';

/**
 * Test vectors written after the document shapes of the OpenSLO v1 specification (README and examples/):
 * every valid document must parse, or give a clear message naming the SLO; none may crash or vanish.
 */

const v1 = 'openslo/v1';

const dataSource = {
  apiVersion: v1,
  kind: 'DataSource',
  metadata: { name: 'prometheus-datasource', displayName: 'Prometheus' },
  spec: {
    description: 'The team Prometheus',
    type: 'Prometheus',
    connectionDetails: { url: 'http://prometheus:9090', token: 'ignored' },
  },
};

const service = {
  apiVersion: v1,
  kind: 'Service',
  metadata: { name: 'web-shop', displayName: 'Web shop' },
  spec: { description: 'Everything customers click' },
};

const mailTarget = {
  apiVersion: v1,
  kind: 'AlertNotificationTarget',
  // upper-case names appear in the specification's examples
  metadata: { name: 'OnCallMail' },
  spec: { description: 'Mails the on-call group', target: 'email' },
};

const goodTotalSli = {
  apiVersion: v1,
  kind: 'SLI',
  metadata: {
    name: 'search-success',
    displayName: 'Successful searches',
    labels: { team: ['search', 'platform'], tier: 'tier-1' },
    annotations: { 'openslo.com/key1': 'value1' },
  },
  spec: {
    description: 'Searches answered without a server error',
    ratioMetric: {
      counter: true,
      good: {
        metricSource: {
          metricSourceRef: 'prometheus-datasource',
          spec: { query: 'sum(search_requests_total{code!~"5.."})' },
        },
      },
      total: {
        metricSource: {
          metricSourceRef: 'prometheus-datasource',
          spec: { query: 'sum(search_requests_total)' },
        },
      },
    },
  },
};

const burnCondition = {
  apiVersion: v1,
  kind: 'AlertCondition',
  metadata: { name: 'fast-burn', displayName: 'Fast burn' },
  spec: {
    description: 'Two percent of a monthly budget in an hour',
    severity: 'page',
    condition: {
      kind: 'burnrate',
      op: 'gte',
      threshold: 14.4,
      lookbackWindow: '1h',
      alertAfter: '5m',
    },
  },
};

const policyByRef = {
  apiVersion: v1,
  kind: 'AlertPolicy',
  metadata: { name: 'SearchPaging', displayName: 'Search paging' },
  spec: {
    description: 'Pages the search on-call',
    alertWhenBreaching: true,
    alertWhenResolved: false,
    alertWhenNoData: false,
    conditions: [{ conditionRef: 'fast-burn' }],
    notificationTargets: [{ targetRef: 'OnCallMail' }],
  },
};

/** SLO with indicatorRef, rolling window, Occurrences, alert policies inline and by reference. */
const sloWithRefs = {
  apiVersion: v1,
  kind: 'SLO',
  metadata: { name: 'search-availability', displayName: 'Search availability' },
  spec: {
    description: '99.5% of searches succeed',
    service: 'web-shop',
    indicatorRef: 'search-success',
    timeWindow: [{ duration: '28d', isRolling: true }],
    budgetingMethod: 'Occurrences',
    objectives: [{ displayName: 'Available', targetPercent: 99.5 }],
    alertPolicies: [
      { alertPolicyRef: 'SearchPaging' },
      {
        kind: 'AlertPolicy',
        metadata: { name: 'search-tickets' },
        spec: {
          alertWhenBreaching: true,
          conditions: [
            {
              kind: 'AlertCondition',
              metadata: { name: 'slow-burn' },
              spec: {
                severity: 'ticket',
                // kind defaults to burnrate; alertAfter 0m (the specification's default) means none
                condition: {
                  op: 'gte',
                  threshold: 1,
                  lookbackWindow: '3d',
                  alertAfter: '0m',
                },
              },
            },
          ],
          notificationTargets: [
            {
              kind: 'AlertNotificationTarget',
              metadata: { name: 'search-slack' },
              spec: { target: 'slack' },
            },
          ],
        },
      },
    ],
  },
};

/** Inline bad/total indicator, calendar week in a time zone, Timeslices with a slice window in minutes. */
const calendarTimeslices = {
  apiVersion: v1,
  kind: 'SLO',
  metadata: { name: 'checkout-errors' },
  spec: {
    service: 'web-shop',
    indicator: {
      metadata: { name: 'checkout-errors', displayName: 'Checkout errors' },
      spec: {
        ratioMetric: {
          counter: true,
          bad: {
            metricSource: {
              type: 'Datadog',
              spec: { query: 'sum:checkout.errors{*}.as_count()' },
            },
          },
          total: {
            metricSource: {
              type: 'Datadog',
              spec: { query: 'sum:checkout.requests{*}.as_count()' },
            },
          },
        },
      },
    },
    timeWindow: [
      {
        duration: '1w',
        isRolling: false,
        calendar: {
          startTime: '2022-01-01 12:00:00',
          timeZone: 'America/New_York',
        },
      },
    ],
    budgetingMethod: 'Timeslices',
    objectives: [
      {
        displayName: 'Internal',
        op: 'gt',
        target: 0.995,
        timeSliceTarget: 0.99,
        timeSliceWindow: '1m',
      },
      // a bare number is minutes
      {
        displayName: 'SLA',
        target: 0.99,
        timeSliceTarget: 0.95,
        timeSliceWindow: 5,
      },
    ],
    // `alertPolicies:` with nothing after it, as in the specification's examples
    alertPolicies: null,
  },
};

/** Threshold metric, RatioTimeslices, a calendar month without isRolling. */
const thresholdRatioTimeslices = {
  apiVersion: v1,
  kind: 'SLO',
  metadata: { name: 'search-latency' },
  spec: {
    indicator: {
      metadata: { name: 'search-latency' },
      spec: {
        thresholdMetric: {
          metricSource: {
            type: 'Redshift',
            spec: {
              region: 'eu-central-1',
              query: 'SELECT value, timestamp FROM metrics',
            },
          },
        },
      },
    },
    timeWindow: [
      {
        duration: '1M',
        calendar: { startTime: '2024-01-01', timeZone: 'UTC' },
      },
    ],
    budgetingMethod: 'RatioTimeslices',
    objectives: [
      {
        displayName: 'Fast',
        op: 'lt',
        value: 500,
        target: 0.99,
        timeSliceWindow: '1m',
      },
    ],
  },
};

describe('OpenSLO v1 specification shapes', () => {
  it('reads every kind: SLO, SLI, DataSource, AlertPolicy, AlertCondition, AlertNotificationTarget, Service', () => {
    const { slos, errors } = validateOpenSloDocuments([
      dataSource,
      service,
      mailTarget,
      goodTotalSli,
      burnCondition,
      policyByRef,
      sloWithRefs,
      calendarTimeslices,
      thresholdRatioTimeslices,
    ]);
    expect(errors).toEqual([]);
    expect(slos.map(s => s.name)).toEqual([
      'search-availability',
      'checkout-errors',
      'search-latency',
    ]);

    const [withRefs, timeslices, threshold] = slos;
    expect(withRefs).toMatchObject({
      displayName: 'Search availability',
      service: 'web-shop',
      indicator: {
        name: 'search-success',
        ratio: {
          good: { type: 'Prometheus' },
          total: {
            type: 'Prometheus',
            spec: { query: 'sum(search_requests_total)' },
          },
        },
      },
      window: { kind: 'rolling', durationSeconds: 28 * 86400 },
      budgetingMethod: 'Occurrences',
      objectives: [{ displayName: 'Available', target: 0.995 }],
    });
    expect(withRefs.alertPolicies).toEqual([
      {
        name: 'SearchPaging',
        displayName: 'Search paging',
        description: 'Pages the search on-call',
        conditions: [
          {
            name: 'fast-burn',
            severity: 'page',
            burnRateThreshold: 14.4,
            longWindowSeconds: 3600,
            shortWindowSeconds: 300,
          },
        ],
      },
      {
        name: 'search-tickets',
        conditions: [
          {
            name: 'slow-burn',
            severity: 'ticket',
            burnRateThreshold: 1,
            longWindowSeconds: 3 * 86400,
            shortWindowSeconds: 6 * 3600,
          },
        ],
      },
    ]);

    expect(timeslices).toMatchObject({
      indicator: {
        ratio: { bad: { type: 'Datadog' }, total: { type: 'Datadog' } },
      },
      window: {
        kind: 'calendar',
        unit: 'Week',
        count: 1,
        startTime: '2022-01-01 12:00:00',
        timeZone: 'America/New_York',
      },
      budgetingMethod: 'Timeslices',
      objectives: [
        { target: 0.995, timeSliceTarget: 0.99, timeSliceWindowSeconds: 60 },
        { target: 0.99, timeSliceTarget: 0.95, timeSliceWindowSeconds: 300 },
      ],
      alertPolicies: [],
    });

    expect(threshold).toMatchObject({
      indicator: { threshold: { metricSource: { type: 'Redshift' } } },
      budgetingMethod: 'RatioTimeslices',
      window: {
        kind: 'calendar',
        unit: 'Month',
        startTime: '2024-01-01 00:00:00',
      },
      objectives: [
        { op: 'lt', value: 500, target: 0.99, timeSliceWindowSeconds: 60 },
      ],
    });
  });

  it('gives an inline indicator without metadata the SLO name', () => {
    const { slos, errors } = validateOpenSloDocuments([
      {
        ...sloWithRefs,
        spec: {
          ...sloWithRefs.spec,
          alertPolicies: undefined,
          indicatorRef: undefined,
          indicator: { spec: goodTotalSli.spec },
        },
      },
      dataSource,
    ]);
    expect(errors).toEqual([]);
    expect(slos[0].indicator.name).toBe('search-availability');
  });

  it('parses the specification’s own examples of unused AlertPolicy and AlertCondition documents', () => {
    // the README's condition uses op lte; on its own (unreferenced) it is read without complaint
    const { errors } = validateOpenSloDocuments([
      {
        apiVersion: v1,
        kind: 'AlertCondition',
        metadata: { name: 'cpu-usage-breach', displayName: 'CPU usage breach' },
        spec: {
          severity: 'page',
          condition: {
            kind: 'burnrate',
            op: 'lte',
            threshold: 2,
            lookbackWindow: '1h',
            alertAfter: '5m',
          },
        },
      },
      {
        apiVersion: v1,
        kind: 'AlertPolicy',
        metadata: { name: 'AlertPolicy', displayName: 'Alert Policy' },
        spec: {
          alertWhenBreaching: true,
          alertWhenResolved: false,
          conditions: [{ conditionRef: 'cpu-usage-breach' }],
          notificationTargets: [{ targetRef: 'OnCallMail' }],
        },
      },
      mailTarget,
      service,
    ]);
    expect(errors).toEqual([]);
  });

  it('names the SLO and the reason for what the suite cannot evaluate', () => {
    const slo = (name: string, spec: Record<string, unknown>) => ({
      apiVersion: v1,
      kind: 'SLO',
      metadata: { name },
      spec: { ...sloWithRefs.spec, alertPolicies: undefined, ...spec },
    });
    const { slos, errors } = validateOpenSloDocuments([
      dataSource,
      goodTotalSli,
      // the README's inline-SLI example has neither a window nor a budgeting method
      slo('no-window', { timeWindow: undefined, budgetingMethod: undefined }),
      // examples/ writes a calendar month as 1m (one minute)
      slo('minute-calendar', {
        timeWindow: [
          {
            duration: '1m',
            isRolling: false,
            calendar: { startTime: '2022-01-01 12:00:00', timeZone: 'UTC' },
          },
        ],
      }),
      slo('composite', {
        indicatorRef: undefined,
        objectives: [
          { target: 0.99, indicatorRef: 'search-success', compositeWeight: 2 },
        ],
      }),
      slo('lte-alert', {
        alertPolicies: [
          {
            metadata: { name: 'p' },
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
      slo('remote-source', {
        indicatorRef: undefined,
        indicator: {
          metadata: { name: 'remote' },
          spec: {
            thresholdMetric: {
              metricSource: {
                metricSourceRef: 'redshift-datasource',
                spec: {},
              },
            },
          },
        },
        objectives: [{ target: 0.99, op: 'lt', value: 1 }],
      }),
      slo('fine', {}),
    ]);
    expect(slos.map(s => s.name)).toEqual(['fine']);
    expect(errors).toEqual([
      {
        document: 'no-window',
        path: 'spec.timeWindow',
        message: expect.stringContaining('timeWindow is required'),
      },
      {
        document: 'no-window',
        path: 'spec.budgetingMethod',
        message:
          'budgetingMethod is required: Occurrences, Timeslices or RatioTimeslices',
      },
      {
        document: 'minute-calendar',
        path: 'spec.timeWindow.0.duration',
        message: expect.stringContaining('months are written 1M'),
      },
      {
        document: 'composite',
        path: 'spec.objectives',
        message: expect.stringContaining('composite SLOs'),
      },
      {
        document: 'lte-alert',
        path: 'spec.alertPolicies.0.spec.conditions.0.spec.condition.op',
        message: expect.stringContaining('use op gte'),
      },
      {
        document: 'remote-source',
        path: 'spec.indicator.spec.thresholdMetric.metricSource.metricSourceRef',
        message: "no DataSource named 'redshift-datasource' in this file",
      },
    ]);
  });

  it('reports composite objectives next to an SLO-level indicator too', () => {
    const { errors } = validateOpenSloDocuments([
      dataSource,
      goodTotalSli,
      {
        ...sloWithRefs,
        spec: {
          ...sloWithRefs.spec,
          alertPolicies: undefined,
          objectives: [{ target: 0.99, compositeWeight: 0.5 }],
        },
      },
    ]);
    expect(errors).toEqual([
      {
        document: 'search-availability',
        path: 'spec.objectives.0',
        message: expect.stringContaining('composite SLOs'),
      },
    ]);
  });
});
