import {
  HELD_BACK_AUTOMATIC_NOTE,
  SloReport,
} from '@internal/backstage-plugin-reliability-common';
import {
  SLO_REPORT_CSV_HEADER,
  sloReportCsv,
  sloReportMarkdown,
} from './formatReport';

const report: SloReport = {
  scope: { kind: 'owner', ref: 'group:default/checkout-payments' },
  generatedAt: '2026-11-22T12:00:00.000Z',
  entityCount: 1,
  truncated: false,
  rows: [
    {
      entityRef: 'component:default/checkout-api',
      sloName: 'availability',
      displayName: 'Checkout | availability',
      target: 0.999,
      window: '30d',
      policyState: 'frozen',
      policyDecision: 'deny',
      previous: {
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
        policyChanges: [
          {
            entityRef: 'component:default/checkout-api',
            sloName: 'availability',
            policyName: 'default',
            fromState: 'ok',
            toState: 'review',
            decision: 'warn',
            changedAt: '2026-10-10T00:00:00.000Z',
          },
        ],
        notes: [],
      },
      current: {
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
            budgetSpent: 0.55,
          },
        ],
        policyChanges: [],
        notes: ['=HYPERLINK("x") is not a formula here'],
      },
    },
  ],
  serviceChanges: [
    {
      entityRef: 'component:default/checkout-api',
      sloName: null,
      policyName: 'default',
      fromState: 'review',
      toState: 'frozen',
      decision: 'deny',
      changedAt: '2026-11-20T00:05:00.000Z',
    },
  ],
  periodStart: '2026-09-23T12:00:00.000Z',
  runbooksTouched: [],
  checklistChanges: [],
  overrides: [],
  problems: [],
};

const withActivity: SloReport = {
  ...report,
  runbooksTouched: [
    {
      entityRef: 'component:default/checkout-api',
      id: 'rollback',
      title: 'Roll back [checkout]',
      kind: 'rollback',
      lastReviewed: '2026-11-02',
      url: 'https://runbooks.example.com/rollback (v2)',
    },
  ],
  checklistChanges: [
    {
      entityRef: 'component:default/checkout-api',
      assessmentId: '6a1d2f3e-0000-4000-8000-000000000001',
      assessedAt: '2026-10-20T08:30:00.000Z',
      author: 'user:default/ada',
      level: 'silver',
      score: 72,
      previousLevel: 'bronze',
      heldBackBy: {
        nextLevel: 'gold',
        source: 'answers',
        items: ['Chaos | drills', 'Game days'],
        more: 2,
      },
    },
  ],
  problems: ['Runbooks of component:default/search could not be read: 503'],
  overrides: [
    {
      id: '3f2b8c1e-4d5a-4b6c-8e7f-9a0b1c2d3e4f',
      entityRef: 'component:default/checkout-api',
      reason: 'Hotfix for INC-7 | approved',
      createdBy: 'user:default/ada',
      createdAt: '2026-11-05T14:00:00.000Z',
      expiresAt: '2026-11-05T18:00:00.000Z',
      revoked: {
        at: '2026-11-05T15:10:00.000Z',
        by: 'user:default/ada',
        reason: 'Shipped',
      },
    },
  ],
};

describe('sloReportMarkdown', () => {
  it('renders both windows as tables, the service changes and the notes', () => {
    const markdown = sloReportMarkdown(report);
    expect(markdown).toContain('# SLO review: group:default/checkout-payments');
    expect(markdown).toContain(
      'Generated 2026-11-22 12:00 UTC · 1 services with SLOs · 1 SLOs',
    );
    expect(markdown).toContain(
      '| checkout-api | Checkout \\| availability | 99.9% | 30d | 2026-09-23 – 2026-10-23 | 99.94% | 60% | yes | 0 / 1 | ok → review (2026-10-10) | frozen |',
    );
    expect(markdown).toContain(
      '| checkout-api | Checkout \\| availability | 99.9% | 30d | 2026-10-23 – 2026-11-22 | 99.85% | 150% | **no** | 1 / 0 | — | frozen |',
    );
    expect(markdown).toContain(
      [
        '## Budget spent by alert episode',
        '',
        '| Service | SLO | Window | Severity | From | To | Budget spent |',
        '| --- | --- | --- | --- | --- | --- | --- |',
        '| checkout-api | Checkout \\| availability | current | page | 2026-11-20 00:00 UTC | still firing | 55% |',
        '| checkout-api | Checkout \\| availability | last complete | ticket | 2026-10-02 00:00 UTC | 2026-10-02 06:00 UTC | 10% |',
      ].join('\n'),
    );
    expect(markdown).toContain(
      '- 2026-11-20 00:05 UTC component:default/checkout-api: review → frozen (deny, policy default)',
    );
    expect(markdown).toContain(
      '- component:default/checkout-api / availability (current window): =HYPERLINK("x") is not a formula here',
    );
  });

  it('says when there is nothing to report', () => {
    expect(sloReportMarkdown({ ...report, rows: [] })).toContain(
      'No SLOs in scope.',
    );
  });
});

describe('the period activity of the report', () => {
  it('lists the runbooks touched, the checklist changes and the overrides in Markdown, and the problems as notes', () => {
    const markdown = sloReportMarkdown(withActivity);
    expect(markdown).toContain(
      [
        '## Runbooks touched (2026-09-23 – 2026-11-22)',
        '',
        '- 2026-11-02 checkout-api: [Roll back checkout](https://runbooks.example.com/rollback%20%28v2%29) (rollback)',
        '',
        '## Checklist changes (2026-09-23 – 2026-11-22)',
        '',
        '- 2026-10-20 08:30 UTC checkout-api: assessment by user:default/ada, level bronze → silver, score 72; gold: Chaos \\| drills, Game days and 2 more not met',
        '',
        '## Deploy-gate overrides (2026-09-23 – 2026-11-22)',
        '',
        '- 2026-11-05 14:00 UTC checkout-api: by user:default/ada, revoked at 2026-11-05 15:10 UTC: Hotfix for INC-7 \\| approved',
      ].join('\n'),
    );
    expect(markdown).toContain(
      '- Runbooks of component:default/search could not be read: 503',
    );
    const quiet = sloReportMarkdown(report);
    expect(quiet).toContain('No runbook was reviewed in the period.');
    expect(quiet).toContain(
      'No checklist assessment was submitted in the period.',
    );
    expect(quiet).toContain(
      'No break-glass override of the deploy gate in the period.',
    );
  });

  it('adds a CSV line per runbook reviewed, per assessment and per override after the SLO lines', () => {
    const lines = sloReportCsv(withActivity).split('\r\n');
    expect(lines).toHaveLength(7);
    expect(lines[5]).toBe(
      'component:default/checkout-api,,Override 3f2b8c1e-4d5a-4b6c-8e7f-9a0b1c2d3e4f,,,deploy-gate override,2026-11-05T14:00:00.000Z,,,,,,,,,,by user:default/ada until 2026-11-05T15:10:00.000Z (revoked): Hotfix for INC-7 | approved',
    );
    expect(lines[3]).toBe(
      'component:default/checkout-api,,Roll back [checkout],,,runbook reviewed,2026-11-02,,,,,,,,,,rollback rollback https://runbooks.example.com/rollback (v2)',
    );
    expect(lines[4]).toBe(
      'component:default/checkout-api,,Assessment 6a1d2f3e-0000-4000-8000-000000000001,,,checklist assessment,2026-10-20T08:30:00.000Z,,,,,,,,,,"level bronze -> silver, score 72, by user:default/ada; gold: Chaos | drills, Game days and 2 more not met"',
    );
    expect(lines[4].split(',').length).toBeGreaterThanOrEqual(
      SLO_REPORT_CSV_HEADER.length,
    );
  });

  it('explains once, below the checklist changes, why automatic checks are offered as alternatives', () => {
    const [change] = withActivity.checklistChanges;
    const automatic = {
      ...change,
      heldBackBy: {
        nextLevel: 'gold',
        source: 'automatic' as const,
        items: ['SLO defined', 'Two people on call'],
        more: 0,
      },
    };
    const markdown = sloReportMarkdown({
      ...withActivity,
      checklistChanges: [automatic, automatic],
    });
    expect(markdown).toContain(
      [
        '- 2026-10-20 08:30 UTC checkout-api: assessment by user:default/ada, level bronze → silver, score 72; gold: an automatic check did not pass (SLO defined or Two people on call)',
        '',
        HELD_BACK_AUTOMATIC_NOTE,
        '',
        '## Deploy-gate overrides (2026-09-23 – 2026-11-22)',
      ].join('\n'),
    );
    expect(markdown.split(HELD_BACK_AUTOMATIC_NOTE)).toHaveLength(2);
    expect(sloReportMarkdown(withActivity)).not.toContain(
      HELD_BACK_AUTOMATIC_NOTE,
    );
  });

  it('writes an assessment that does not say what held it back without the suffix', () => {
    const { heldBackBy: _, ...change } = withActivity.checklistChanges[0];
    const plain = { ...withActivity, checklistChanges: [change] };
    expect(sloReportMarkdown(plain)).toContain(
      '- 2026-10-20 08:30 UTC checkout-api: assessment by user:default/ada, level bronze → silver, score 72\n',
    );
    expect(sloReportCsv(plain).split('\r\n')[4]).toMatch(
      /"level bronze -> silver, score 72, by user:default\/ada"$/,
    );
  });
});

describe('sloReportCsv', () => {
  it('writes one line per SLO and window, safe for spreadsheets', () => {
    const lines = sloReportCsv(report).split('\r\n');
    expect(lines[0]).toBe(SLO_REPORT_CSV_HEADER.join(','));
    expect(lines[1]).toBe(
      'component:default/checkout-api,availability,Checkout | availability,0.999,30d,previous,2026-09-23T12:00:00.000Z,2026-10-23T12:00:00.000Z,true,0.9994,0.6,true,0,1,ok -> review (2026-10-10T00:00:00.000Z),frozen,',
    );
    expect(lines[2]).toBe(
      'component:default/checkout-api,availability,Checkout | availability,0.999,30d,current,2026-10-23T12:00:00.000Z,2026-11-22T12:00:00.000Z,false,0.9985,1.5,false,1,0,,frozen,"\'=HYPERLINK(""x"") is not a formula here"',
    );
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('');
  });
});
