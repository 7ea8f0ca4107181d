/* eslint-disable no-script-url -- these tests feed script URLs on purpose, to prove they are neutralised */
import { SloAlertPolicy, SloDefinition } from '../slo/types';
import {
  computeRunbookCoverage,
  isRunbookStale,
  linkSloRunbooks,
} from './coverage';
import { resolveRunbookReference } from './runbookReferences';
import { RunbookEntry } from './types';

function runbook(
  overrides: Partial<RunbookEntry> & { id: string },
): RunbookEntry {
  return {
    title: overrides.id,
    kind: 'runbook',
    answers: [],
    owner: null,
    lastReviewed: '2026-10-01',
    stale: false,
    url: null,
    source: 'markdown',
    location: null,
    error: null,
    ...overrides,
  };
}

function policy(name: string, runbookRef?: string): SloAlertPolicy {
  return { name, conditions: [], runbook: runbookRef };
}

function slo(
  name: string,
  alertPolicies: SloAlertPolicy[],
  runbookRef?: string,
): SloDefinition {
  return {
    name,
    indicator: { name: `${name}-sli` },
    window: { kind: 'rolling', durationSeconds: 28 * 86400, label: '28d' },
    budgetingMethod: 'Occurrences',
    objectives: [{ target: 0.999 }],
    alertPolicies,
    runbook: runbookRef,
  };
}

describe('computeRunbookCoverage', () => {
  it('is null without SLO alerts', () => {
    expect(computeRunbookCoverage([], [runbook({ id: 'a' })]).ratio).toBeNull();
    expect(
      computeRunbookCoverage([slo('availability', [])], []).ratio,
    ).toBeNull();
  });

  it('matches by alert policy runbook id, SLO runbook, answers, and external URL', () => {
    const slos = [
      slo('availability', [
        policy('availability-fast-burn', 'high-error-rate'),
        policy('availability-slow-burn'),
      ]),
      slo(
        'latency',
        [policy('latency-fast-burn'), policy('latency-slow-burn')],
        'latency-runbook',
      ),
      slo('freshness', [
        policy('freshness-burn', 'https://wiki.example.com/freshness'),
      ]),
      slo('checkout', [
        policy('checkout-burn'),
        policy('checkout-slow', 'missing-id'),
      ]),
    ];
    const runbooks = [
      runbook({ id: 'high-error-rate', title: 'High error rate' }),
      runbook({
        id: 'latency-runbook',
        url: 'https://git.example.com/latency.md',
      }),
      runbook({ id: 'slow-burn', answers: ['Availability-Slow-Burn'] }),
      runbook({ id: 'checkout', answers: ['checkout'] }),
    ];
    const coverage = computeRunbookCoverage(slos, runbooks);
    expect(coverage.alertCount).toBe(7);
    expect(coverage.alertsWithRunbook).toBe(6);
    expect(coverage.ratio).toBeCloseTo(6 / 7);
    const byAlert = Object.fromEntries(coverage.alerts.map(a => [a.alert, a]));
    expect(byAlert['availability-fast-burn']).toMatchObject({
      matchedBy: 'alert-policy',
      runbook: { id: 'high-error-rate', title: 'High error rate' },
    });
    expect(byAlert['availability-slow-burn']).toMatchObject({
      matchedBy: 'answers',
      runbook: { id: 'slow-burn' },
    });
    expect(byAlert['latency-fast-burn']).toMatchObject({
      matchedBy: 'slo',
      runbook: {
        id: 'latency-runbook',
        url: 'https://git.example.com/latency.md',
      },
    });
    expect(byAlert['freshness-burn']).toMatchObject({
      matchedBy: 'alert-policy',
      runbook: { id: null, url: 'https://wiki.example.com/freshness' },
    });
    // answers naming the SLO answer all of its alerts
    expect(byAlert['checkout-burn']).toMatchObject({
      matchedBy: 'answers',
      runbook: { id: 'checkout' },
    });
    // an explicit reference wins over answers, and a dangling one is a problem, not coverage
    expect(byAlert['checkout-slow']).toMatchObject({
      runbook: null,
      matchedBy: null,
      problem: "No runbook with id 'missing-id'",
    });
  });

  it('ignores runbooks that failed to load and unsafe references', () => {
    const coverage = computeRunbookCoverage(
      [
        slo('availability', [
          policy('fast', 'javascript:alert(1)'),
          policy('slow'),
        ]),
      ],
      [
        runbook({
          id: 'broken',
          answers: ['slow'],
          error: 'Invalid front matter',
        }),
      ],
    );
    expect(coverage.ratio).toBe(0);
    expect(coverage.alerts[0].problem).toMatch(
      /not an http\(s\) or relative URL/,
    );
  });

  it('is 1 when every alert has a runbook', () => {
    const coverage = computeRunbookCoverage(
      [slo('availability', [policy('fast'), policy('slow')])],
      [runbook({ id: 'a', answers: ['availability'] })],
    );
    expect(coverage).toMatchObject({
      ratio: 1,
      alertCount: 2,
      alertsWithRunbook: 2,
    });
  });
});

describe('linkSloRunbooks', () => {
  const runbooks = [
    runbook({
      id: 'premortem',
      title: 'Pre-mortem',
      answers: ['checkout-latency', 'checkout-availability'],
    }),
    runbook({
      id: 'checkout-slow',
      title: 'Checkout is slow',
      answers: ['Checkout-Latency-Fast-Burn'],
    }),
    runbook({ id: 'broken', answers: ['checkout-latency'], error: 'bad' }),
  ];

  it('lists every runbook answering the SLO and each alert, those naming the alert first', () => {
    const links = linkSloRunbooks(
      slo('checkout-latency', [
        policy('checkout-latency-fast-burn'),
        policy('checkout-latency-slow-burn'),
      ]),
      runbooks,
    );
    expect(links).toEqual({
      slo: 'checkout-latency',
      runbooks: [{ id: 'premortem', title: 'Pre-mortem', url: null }],
      matchedBy: 'answers',
      problem: null,
      alerts: [
        {
          alert: 'checkout-latency-fast-burn',
          runbooks: [
            { id: 'checkout-slow', title: 'Checkout is slow', url: null },
            { id: 'premortem', title: 'Pre-mortem', url: null },
          ],
          matchedBy: 'answers',
          problem: null,
        },
        {
          alert: 'checkout-latency-slow-burn',
          runbooks: [{ id: 'premortem', title: 'Pre-mortem', url: null }],
          matchedBy: 'answers',
          problem: null,
        },
      ],
    });
    // coverage counts exactly these links, taking the first one
    const coverage = computeRunbookCoverage(
      [slo('checkout-latency', [policy('checkout-latency-fast-burn')])],
      runbooks,
    );
    expect(coverage.alerts[0].runbook?.id).toBe('checkout-slow');
  });

  it('uses the SLO and alert references first and reports dangling ones', () => {
    const links = linkSloRunbooks(
      slo(
        'checkout-availability',
        [
          policy('fast', 'https://wiki.example.com/errors'),
          policy('slow', 'nope'),
          policy('other'),
        ],
        'checkout-slow',
      ),
      runbooks,
    );
    expect(links.runbooks).toEqual([
      { id: 'checkout-slow', title: 'Checkout is slow', url: null },
    ]);
    expect(links.matchedBy).toBe('slo');
    expect(links.alerts.map(a => [a.alert, a.matchedBy, a.runbooks])).toEqual([
      [
        'fast',
        'alert-policy',
        [{ id: null, title: null, url: 'https://wiki.example.com/errors' }],
      ],
      ['slow', 'alert-policy', []],
      [
        'other',
        'slo',
        [{ id: 'checkout-slow', title: 'Checkout is slow', url: null }],
      ],
    ]);
    expect(links.alerts[1].problem).toBe("No runbook with id 'nope'");
  });

  it('links nothing when nothing answers', () => {
    expect(linkSloRunbooks(slo('x', [policy('y')]), [])).toEqual({
      slo: 'x',
      runbooks: [],
      matchedBy: null,
      problem: null,
      alerts: [{ alert: 'y', runbooks: [], matchedBy: null, problem: null }],
    });
  });
});

describe('resolveRunbookReference', () => {
  const runbooks = [
    runbook({ id: 'db-failover', url: 'https://git.example.com/db.md' }),
  ];

  it('resolves ids and known URLs to the runbook', () => {
    expect(resolveRunbookReference('db-failover', runbooks).runbook?.id).toBe(
      'db-failover',
    );
    expect(
      resolveRunbookReference('https://git.example.com/db.md/', runbooks)
        .runbook?.id,
    ).toBe('db-failover');
  });

  it('keeps other safe URLs as external runbooks and flags the rest', () => {
    expect(
      resolveRunbookReference('/docs/default/component/x/runbook', runbooks),
    ).toEqual({
      runbook: null,
      url: '/docs/default/component/x/runbook',
      problem: null,
    });
    expect(
      resolveRunbookReference('data:text/html,x', runbooks).url,
    ).toBeNull();
    expect(resolveRunbookReference('  ', runbooks).problem).toBe(
      'Empty runbook reference',
    );
  });
});

describe('isRunbookStale', () => {
  const now = new Date('2026-11-22T12:00:00Z');

  it('treats missing and invalid dates as stale', () => {
    expect(isRunbookStale(null, now, 180)).toBe(true);
    expect(isRunbookStale('not a date', now, 180)).toBe(true);
  });

  it('compares the review age with the threshold', () => {
    expect(isRunbookStale('2026-05-26', now, 180)).toBe(false); // 180 days ago
    expect(isRunbookStale('2026-05-25', now, 180)).toBe(true); // 181 days ago
    expect(isRunbookStale('2026-11-01', now, 180)).toBe(false);
    expect(isRunbookStale('2027-01-01', now, 180)).toBe(false);
    expect(isRunbookStale('2026-11-01', now, 7)).toBe(true);
  });
});
