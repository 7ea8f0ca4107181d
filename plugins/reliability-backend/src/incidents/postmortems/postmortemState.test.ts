import { PostmortemPolicy } from '@internal/backstage-plugin-reliability-common';
import {
  daysAgo,
  document,
  incident,
  NOW,
} from '../__testUtils__/incidentFixtures';
import {
  actionItemViews,
  incidentViews,
  openActionItemsInOrder,
  postmortemStatus,
  upcomingLaunches,
} from './postmortemState';

const policy: PostmortemPolicy = {
  severity: 'sev2',
  businessDays: 5,
  timeZone: 'UTC',
};

describe('postmortemStatus', () => {
  // NOW is Monday 30 Nov 2026, 12:00 UTC.
  it.each([
    // severity, resolved (ISO or null), linked?, state, dueAt
    ['sev3', daysAgo(20), false, 'not-required', null],
    ['sev3', daysAgo(20), true, 'written', null],
    ['sev1', daysAgo(20), true, 'written', '2026-11-18T00:00:00.000Z'],
    // Resolved Monday 23 Nov: due at the end of Monday 30 Nov, so still due at noon.
    ['sev2', daysAgo(7), false, 'due', '2026-12-01T00:00:00.000Z'],
    // Resolved Friday 20 Nov: due at the end of Friday 27 Nov.
    ['sev1', daysAgo(10), false, 'overdue', '2026-11-28T00:00:00.000Z'],
    // Still open: needed, no deadline yet.
    ['sev1', null, false, 'due', null],
  ] as const)(
    '%s resolved %s, linked %p: %s (due %s)',
    (severity, resolvedAt, linked, state, dueAt) => {
      expect(
        postmortemStatus(
          incident('INC-1', { severity, resolvedAt }),
          linked ? [{ id: 'pm', title: 'PM' }] : [],
          policy,
          NOW,
        ),
      ).toEqual({
        state,
        dueAt,
        documents: linked ? [{ id: 'pm', title: 'PM' }] : [],
      });
    },
  );

  it('counts business days in the team time zone', () => {
    // Resolved Monday 23 Nov 02:00 UTC, still Sunday evening in New York: counting starts on Monday there.
    const resolvedAt = '2026-11-23T02:00:00.000Z';
    const status = (timeZone: string) =>
      postmortemStatus(
        incident('INC-1', { resolvedAt }),
        [],
        { ...policy, timeZone },
        NOW,
      );
    expect(status('UTC')).toEqual({
      state: 'due',
      dueAt: '2026-12-01T00:00:00.000Z',
      documents: [],
    });
    expect(status('America/New_York')).toEqual({
      state: 'overdue',
      dueAt: '2026-11-28T05:00:00.000Z',
      documents: [],
    });
  });
});

describe('incidentViews', () => {
  it('links postmortems by incident id (case-insensitively) and ignores unreadable documents and other kinds', () => {
    const views = incidentViews(
      [
        incident('INC-1', { startedDaysAgo: 20 }),
        incident('INC-2', { startedDaysAgo: 20 }),
      ],
      [
        document('pm-a', {}, { incidents: ['inc-1'] }),
        document('pm-b', { title: 'Both' }, { incidents: ['INC-1', 'INC-2'] }),
        document(
          'broken',
          { error: 'Invalid front matter' },
          {
            incidents: ['INC-2'],
          },
        ),
        document('runbook', { kind: 'runbook' }, { incidents: ['INC-2'] }),
      ],
      policy,
      NOW,
    );
    expect(views[0].postmortem.documents).toEqual([
      { id: 'pm-a', title: 'Postmortem pm-a' },
      { id: 'pm-b', title: 'Both' },
    ]);
    expect(views[1].postmortem.documents).toEqual([
      { id: 'pm-b', title: 'Both' },
    ]);
    expect(views[0]).toMatchObject({
      timeToAcknowledgeSeconds: 300,
      timeToResolveSeconds: 7200,
      durationSeconds: 7200,
    });
  });
});

describe('action items', () => {
  it('marks open items past the end of their due day (team time zone) overdue', () => {
    const documents = [
      document(
        'pm-1',
        {},
        {
          actionItems: [
            // Due yesterday: overdue.
            {
              title: 'B',
              owner: null,
              due: '2026-11-29',
              status: 'open',
              issue: null,
            },
            // Due today: not yet.
            {
              title: 'A',
              owner: null,
              due: '2026-11-30',
              status: 'in-progress',
              issue: null,
            },
            // Done long ago: closed, never overdue.
            {
              title: 'C',
              owner: null,
              due: '2026-10-01',
              status: 'done',
              issue: null,
            },
            { title: 'D', owner: null, due: null, status: 'open', issue: null },
          ],
        },
      ),
      document(
        'pre',
        { kind: 'premortem' },
        {
          actionItems: [
            {
              title: 'E',
              owner: null,
              due: '2026-11-01',
              status: 'wont-do',
              issue: null,
            },
          ],
        },
      ),
      document(
        'rb',
        { kind: 'runbook' },
        {
          actionItems: [
            {
              title: 'ignored',
              owner: null,
              due: '2026-11-01',
              status: 'open',
              issue: null,
            },
          ],
        },
      ),
    ];
    const items = actionItemViews(documents, NOW, 'UTC');
    expect(items.map(i => [i.title, i.postmortemId, i.overdue])).toEqual([
      ['B', 'pm-1', true],
      ['A', 'pm-1', false],
      ['C', 'pm-1', false],
      ['D', 'pm-1', false],
      ['E', 'pre', false],
    ]);
    expect(openActionItemsInOrder(items).map(i => i.title)).toEqual([
      'B',
      'A',
      'D',
    ]);
    // 30 Nov 12:00 UTC is already 1 Dec in Auckland (UTC+13): item A is overdue there.
    expect(
      actionItemViews(documents, NOW, 'Pacific/Auckland')
        .filter(i => i.overdue)
        .map(i => i.title),
    ).toEqual(['B', 'A']);
  });
});

describe('upcomingLaunches', () => {
  it('lists launches from today on, soonest first, with or without a pre-mortem, and the rollback runbooks', () => {
    const launches = upcomingLaunches(
      [
        document(
          'pre-peak',
          { kind: 'premortem', title: 'Peak' },
          {
            launchDate: '2026-12-10',
          },
        ),
        document(
          'site',
          { kind: 'runbook', title: 'New site' },
          {
            launchDate: '2026-11-30',
          },
        ),
        document('past', { kind: 'premortem' }, { launchDate: '2026-11-29' }),
        document('rollback', { kind: 'rollback', title: 'Roll back' }),
      ],
      NOW,
      'UTC',
    );
    expect(launches).toEqual([
      {
        date: '2026-11-30',
        documentId: 'site',
        title: 'New site',
        url: 'https://git.example.com/site.md',
        kind: 'runbook',
        hasPremortem: false,
        rollbacks: [{ id: 'rollback', title: 'Roll back' }],
      },
      {
        date: '2026-12-10',
        documentId: 'pre-peak',
        title: 'Peak',
        url: 'https://git.example.com/pre-peak.md',
        kind: 'premortem',
        hasPremortem: true,
        rollbacks: [{ id: 'rollback', title: 'Roll back' }],
      },
    ]);
  });
});
