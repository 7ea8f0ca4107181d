import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { SloReport } from '@internal/backstage-plugin-reliability-common';
import { sloEntity } from '../__testUtils__/policyFixtures';
import { SloReportNotifier } from './SloReportNotifier';
import { ReportScope } from './SloReportService';

function reportOf(scope: ReportScope, rows: number): SloReport {
  return {
    scope,
    generatedAt: '2026-11-23T08:00:00.000Z',
    entityCount: rows,
    truncated: false,
    rows: Array.from({ length: rows }, (_, i) => ({
      entityRef: 'component:default/x',
      sloName: `slo-${i}`,
      target: 0.99,
      window: '30d',
      policyState: 'ok',
      policyDecision: 'allow',
      previous: {
        start: '2026-09-23T12:00:00.000Z',
        end: '2026-10-23T12:00:00.000Z',
        complete: true,
        attainment: 0.995,
        budgetSpent: 0.5,
        met: true,
        burnAlerts: { page: 0, ticket: 0 },
        episodes: [],
        policyChanges: [],
        notes: [],
      },
      current: {
        start: '2026-10-23T12:00:00.000Z',
        end: '2026-11-22T12:00:00.000Z',
        complete: false,
        attainment: 0.995,
        budgetSpent: 0.5,
        met: true,
        burnAlerts: { page: 0, ticket: 0 },
        episodes: [],
        policyChanges: [],
        notes: [],
      },
    })),
    serviceChanges: [],
    periodStart: '2026-09-23T12:00:00.000Z',
    runbooksTouched: [],
    checklistChanges: [],
    overrides: [],
    problems: [],
  };
}

function setup(
  options: { now?: string; everyWeeks?: number; owners?: string[] } = {},
) {
  const catalog = catalogServiceMock({
    entities: [
      sloEntity('checkout-api', {}, { owner: 'group:default/checkout' }),
      sloEntity('search', {}, { owner: 'group:default/search' }),
      sloEntity('quiet', {}, { owner: 'group:default/quiet' }),
      sloEntity('by-a-user', {}, { owner: 'user:default/ada' }),
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'no-slos', namespace: 'default' },
        spec: { owner: 'group:default/no-slos' },
        relations: [{ type: 'ownedBy', targetRef: 'group:default/no-slos' }],
      },
    ],
  });
  const reports = {
    report: jest.fn(async (scope: ReportScope) => {
      if (scope.ref === 'group:default/search') throw new Error('catalog down');
      return reportOf(scope, scope.ref === 'group:default/quiet' ? 0 : 2);
    }),
  };
  const sender = { send: jest.fn(async (_n: unknown[]) => 1) };
  const notifier = new SloReportNotifier({
    catalog,
    auth: mockServices.auth(),
    reports,
    sender,
    logger: mockServices.logger.mock(),
    now: () => new Date(options.now ?? '2026-11-23T08:00:00.000Z'),
    everyWeeks: options.everyWeeks ?? 1,
    owners: options.owners,
  });
  return { notifier, reports, sender };
}

describe('SloReportNotifier', () => {
  it('sends each team owning SLOs its report, skipping teams without SLO rows and going on past failures', async () => {
    const { notifier, reports, sender } = setup();
    const result = await notifier.run();
    expect(reports.report.mock.calls.map(([scope]) => scope.ref)).toEqual([
      'group:default/checkout',
      'group:default/quiet',
      'group:default/search',
    ]);
    expect(result).toEqual({
      due: true,
      sent: ['group:default/checkout'],
      notSent: [],
      failed: [{ owner: 'group:default/search', error: 'catalog down' }],
    });
    expect(sender.send).toHaveBeenCalledTimes(1);
    expect(sender.send).toHaveBeenCalledWith([
      {
        kind: 'sloReviewReport',
        subject: 'group:default/checkout',
        episode: '2026-11-23',
        recipients: ['group:default/checkout'],
        payload: expect.objectContaining({
          title: 'SLO review of checkout: all 2 SLOs met their target',
          link: '/catalog/default/group/checkout/reliability-review',
          topic: 'reliability-slo-review',
        }),
      },
    ]);
  });

  it('counts a team the sender skipped (already sent that day) as not sent', async () => {
    const { notifier, sender } = setup({ owners: ['group:default/checkout'] });
    sender.send.mockResolvedValueOnce(0);
    expect(await notifier.run()).toMatchObject({
      sent: [],
      notSent: ['group:default/checkout'],
    });
  });

  it('sends only to the configured owners', async () => {
    const { notifier, sender } = setup({
      owners: ['group:default/checkout'],
    });
    await notifier.run();
    expect(sender.send).toHaveBeenCalledTimes(1);
  });

  it('sends nothing in the off weeks of a schedule every two weeks', async () => {
    const onWeek = setup({ everyWeeks: 2 });
    const offWeek = setup({ everyWeeks: 2, now: '2026-11-30T08:00:00.000Z' });
    const results = [await onWeek.notifier.run(), await offWeek.notifier.run()];
    expect(results.map(r => r.due).sort()).toEqual([false, true]);
    const skipped = results.find(r => !r.due)!;
    expect(skipped.sent).toEqual([]);
  });
});
