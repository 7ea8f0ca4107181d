import { RunbookEntry } from '../runbooks/types';
import { linkAlertRunbook } from './runbooks';

function runbook(overrides: Partial<RunbookEntry>): RunbookEntry {
  return {
    id: 'db-failover',
    title: 'Database failover',
    kind: 'runbook',
    answers: [],
    owner: null,
    lastReviewed: null,
    stale: false,
    url: 'https://wiki.example.com/db-failover',
    source: 'link',
    location: null,
    error: null,
    ...overrides,
  };
}

const alert = { id: 'pg/ReplicationLag', name: 'PostgresReplicationLag' };

describe('linkAlertRunbook', () => {
  it('takes the runbook the alert names, with the title of the entity runbook it points at', () => {
    expect(
      linkAlertRunbook(
        { ...alert, runbookUrl: 'https://wiki.example.com/db-failover/' },
        [runbook({})],
      ),
    ).toEqual({
      url: 'https://wiki.example.com/db-failover',
      title: 'Database failover',
      id: 'db-failover',
      matchedBy: 'source',
    });
    expect(
      linkAlertRunbook(
        { ...alert, runbookUrl: 'https://other.example.com/x' },
        [],
      ),
    ).toEqual({
      url: 'https://other.example.com/x',
      title: null,
      id: null,
      matchedBy: 'source',
    });
  });

  it('falls back to the runbooks whose answers name the alert, ignoring unsafe URLs and broken runbooks', () => {
    const runbooks = [
      runbook({
        id: 'broken',
        answers: ['postgresreplicationlag'],
        error: 'bad YAML',
      }),
      runbook({
        id: 'lag',
        title: 'Replication lag',
        answers: ['PostgresReplicationLag'],
      }),
    ];
    expect(
      linkAlertRunbook(
        // eslint-disable-next-line no-script-url
        { ...alert, runbookUrl: 'javascript:alert(1)' },
        runbooks,
      ),
    ).toEqual({
      url: 'https://wiki.example.com/db-failover',
      title: 'Replication lag',
      id: 'lag',
      matchedBy: 'runbook-index',
    });
    expect(
      linkAlertRunbook({ ...alert, runbookUrl: null }, [runbook({})]),
    ).toBeNull();
  });
});

describe('linkAlertRunbook for an SLO alert policy of the entity', () => {
  const sloAlerts = [
    {
      slo: 'payments-availability',
      alert: 'payments-availability-fast-burn',
      runbook: {
        id: null,
        title: null,
        url: 'https://wiki.example.com/payment-declines',
      },
      matchedBy: 'alert-policy' as const,
      problem: null,
    },
    {
      slo: 'payments-availability',
      alert: 'payments-availability-slow-burn',
      runbook: null,
      matchedBy: null,
      problem: null,
    },
  ];

  it('takes the runbook the Runbooks card links to the alert policy of the same name', () => {
    expect(
      linkAlertRunbook(
        {
          id: 'slo/payments-availability-fast-burn',
          name: 'Payments-Availability-Fast-Burn',
          runbookUrl: null,
        },
        [runbook({ answers: ['payments-availability-fast-burn'] })],
        sloAlerts,
      ),
    ).toEqual({
      url: 'https://wiki.example.com/payment-declines',
      title: null,
      id: null,
      matchedBy: 'slo',
    });
  });

  it('lets the alert’s own runbook win, and falls back to the answers when the policy has none', () => {
    expect(
      linkAlertRunbook(
        {
          id: 'a',
          name: 'payments-availability-fast-burn',
          runbookUrl: 'https://wiki.example.com/own',
        },
        [],
        sloAlerts,
      )?.matchedBy,
    ).toBe('source');
    expect(
      linkAlertRunbook(
        { id: 'b', name: 'payments-availability-slow-burn', runbookUrl: null },
        [runbook({ answers: ['payments-availability-slow-burn'] })],
        sloAlerts,
      ),
    ).toMatchObject({ id: 'db-failover', matchedBy: 'runbook-index' });
  });
});
