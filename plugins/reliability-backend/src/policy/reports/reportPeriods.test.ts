import { PolicyStateChange } from '@internal/backstage-plugin-reliability-common';
import { historyPoint, sloWith } from '../__testUtils__/policyFixtures';
import { reportPeriods, reportWindows } from './reportPeriods';

const now = new Date('2026-11-22T12:00:00.000Z');

function change(
  changedAt: string,
  fromState: string | null,
  toState: string,
): PolicyStateChange {
  return {
    entityRef: 'component:default/checkout-api',
    sloName: 'availability',
    policyName: 'default',
    fromState,
    toState,
    decision: toState === 'frozen' ? 'deny' : 'allow',
    changedAt,
  };
}

describe('reportWindows', () => {
  it('puts the last complete rolling window right before the current one', () => {
    expect(reportWindows(sloWith('a', 0.5), now)).toEqual({
      current: {
        start: new Date('2026-10-23T12:00:00.000Z'),
        end: now,
      },
      previous: {
        start: new Date('2026-09-23T12:00:00.000Z'),
        end: new Date('2026-10-23T12:00:00.000Z'),
      },
    });
  });

  it('takes the previous calendar period for calendar windows', () => {
    const slo = sloWith('a', 0.5, 'ok', {
      window: {
        kind: 'calendar',
        unit: 'Month',
        count: 1,
        startTime: '2026-01-01 00:00:00',
        timeZone: 'UTC',
        label: '1M',
      },
    });
    expect(reportWindows(slo, now)).toEqual({
      current: {
        start: new Date('2026-11-01T00:00:00.000Z'),
        end: new Date('2026-12-01T00:00:00.000Z'),
      },
      previous: {
        start: new Date('2026-10-01T00:00:00.000Z'),
        end: new Date('2026-11-01T00:00:00.000Z'),
      },
    });
  });
});

describe('reportPeriods', () => {
  it('reports both windows of a rolling SLO from its status and history', () => {
    const slo = sloWith('availability', -0.5, 'page', {
      target: 0.999,
      status: { attainment: 0.9985 },
    });
    const { previous, current } = reportPeriods({
      slo,
      now,
      downsampled: false,
      history: [
        historyPoint('2026-10-01T00:00:00.000Z', 'ok', {
          budgetRemaining: 0.9,
        }),
        historyPoint('2026-10-02T00:00:00.000Z', 'ticket'),
        historyPoint('2026-10-02T06:00:00.000Z', 'ok', {
          budgetRemaining: 0.8,
        }),
        // The last state before the previous window's end stands for that window.
        historyPoint('2026-10-23T08:00:00.000Z', 'ok', {
          attainment: 0.9995,
          budgetRemaining: 0.5,
        }),
        historyPoint('2026-10-23T11:00:00.000Z', 'ok', {
          attainment: 0.9994,
          budgetRemaining: 0.4,
        }),
        historyPoint('2026-11-20T00:00:00.000Z', 'ticket'),
        historyPoint('2026-11-21T00:00:00.000Z', 'page'),
      ],
      changes: [
        change('2026-11-20T00:05:00.000Z', 'review', 'frozen'),
        change('2026-10-10T00:00:00.000Z', 'ok', 'review'),
        change('2026-08-01T00:00:00.000Z', null, 'ok'),
      ],
    });
    expect(previous).toEqual({
      start: '2026-09-23T12:00:00.000Z',
      end: '2026-10-23T12:00:00.000Z',
      complete: true,
      attainment: 0.9994,
      budgetSpent: 0.6,
      met: true,
      burnAlerts: { page: 0, ticket: 1 },
      episodes: [
        {
          start: '2026-10-02T00:00:00.000Z',
          end: '2026-10-02T06:00:00.000Z',
          severity: 'ticket',
          budgetSpent: 0.1,
        },
      ],
      policyChanges: [change('2026-10-10T00:00:00.000Z', 'ok', 'review')],
      notes: [],
    });
    expect(current).toEqual({
      start: '2026-10-23T12:00:00.000Z',
      end: '2026-11-22T12:00:00.000Z',
      complete: false,
      attainment: 0.9985,
      budgetSpent: 1.5,
      met: false,
      burnAlerts: { page: 1, ticket: 0 },
      episodes: [
        {
          start: '2026-11-20T00:00:00.000Z',
          end: null,
          severity: 'page',
          budgetSpent: null,
        },
      ],
      policyChanges: [change('2026-11-20T00:05:00.000Z', 'review', 'frozen')],
      notes: [],
    });
  });

  it('says why the last complete window has no numbers, and flags downsampled history and stale data', () => {
    const slo = sloWith('availability', 0.5, 'ok', {
      status: { stale: true },
    });
    const { previous, current } = reportPeriods({
      slo,
      now,
      downsampled: true,
      history: [
        // Too early to stand for the window ending 2026-10-23T12:00.
        historyPoint('2026-10-23T05:00:00.000Z', 'ok', { attainment: 0.9 }),
      ],
      changes: [],
    });
    expect([previous.attainment, previous.budgetSpent, previous.met]).toEqual([
      null,
      null,
      null,
    ]);
    expect(previous.notes).toEqual([
      expect.stringMatching(/^No SLO state was collected near the end/),
      expect.stringMatching(/downsampled history/),
    ]);
    expect(current.notes).toEqual([
      'The latest collection failed: numbers are the last good data.',
      expect.stringMatching(/downsampled history/),
    ]);
  });

  it('uses the SLO’s own last-window result for the previous calendar period', () => {
    const slo = sloWith('availability', 0.8, 'ok', {
      target: 0.99,
      window: {
        kind: 'calendar',
        unit: 'Month',
        count: 1,
        startTime: '2026-01-01 00:00:00',
        timeZone: 'UTC',
        label: '1M',
      },
      status: {
        lastWindow: {
          start: '2026-10-01T00:00:00.000Z',
          end: '2026-11-01T00:00:00.000Z',
          attainment: 0.985,
          met: false,
        },
      },
    });
    const { previous } = reportPeriods({
      slo,
      now,
      downsampled: false,
      history: [],
      changes: [],
    });
    expect([previous.attainment, previous.budgetSpent, previous.met]).toEqual([
      0.985,
      1.5,
      false,
    ]);
  });

  it('reports an SLO never collected', () => {
    const slo = { ...sloWith('availability', null, 'unknown'), status: null };
    const { current } = reportPeriods({
      slo,
      now,
      downsampled: false,
      history: [],
      changes: [],
    });
    expect(current).toMatchObject({
      attainment: null,
      budgetSpent: null,
      met: null,
      notes: ['Not collected yet.'],
    });
  });
});
