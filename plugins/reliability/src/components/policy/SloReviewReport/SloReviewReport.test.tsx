import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  HELD_BACK_AUTOMATIC_NOTE,
  SloReportChecklistChange,
} from '@internal/backstage-plugin-reliability-common';
import { reliabilityApiRef } from '../../../api';
import { mockPolicyApi, testSloReport } from '../testData';
import { SloReviewReport } from './SloReviewReport';
import { downloadText } from './downloadText';

jest.mock('./downloadText', () => ({ downloadText: jest.fn() }));

const scope = { owner: 'group:default/checkout-payments' };

async function renderReport(api: ReturnType<typeof mockPolicyApi>) {
  return renderInTestApp(
    <TestApiProvider apis={[[reliabilityApiRef, api as any]]}>
      <SloReviewReport scope={scope} />
    </TestApiProvider>,
  );
}

/** The report with these checklist changes (each over the test report's first), and its checklist table. */
async function renderChecklistChanges(
  ...changes: Array<Partial<SloReportChecklistChange>>
) {
  const [change] = testSloReport().checklistChanges;
  await renderReport(
    mockPolicyApi({
      getSloReport: async () =>
        testSloReport({
          checklistChanges: changes.map(c => ({ ...change, ...c })),
        }),
    }),
  );
  return screen.findByRole('table', { name: 'Checklist changes' });
}

describe('SloReviewReport', () => {
  it('shows both windows of each SLO with attainment, budget, alerts and policy changes', async () => {
    const api = mockPolicyApi();
    await renderReport(api);
    const previous = await screen.findByRole('table', {
      name: 'Last complete window',
    });
    expect(api.getSloReport).toHaveBeenCalledWith(scope);
    expect(
      within(previous).getByText('Checkout availability'),
    ).toBeInTheDocument();
    expect(within(previous).getByText('99.94%')).toBeInTheDocument();
    expect(within(previous).getByText('60%')).toBeInTheDocument();
    expect(within(previous).getByText('0 / 1')).toBeInTheDocument();
    // The period breaks between its dates, never inside one.
    const period = within(previous).getByText('2026-09-23 –');
    expect(period.closest('td')).toHaveTextContent('2026-09-23 – 2026-10-23');
    expect(period).toHaveStyle({ whiteSpace: 'nowrap' });
    expect(within(previous).getByText('2026-10-23')).toHaveStyle({
      whiteSpace: 'nowrap',
    });
    const current = screen.getByRole('table', { name: 'Current window' });
    expect(within(current).getByText('99.85% (missed)')).toBeInTheDocument();
    expect(within(current).getByText('150%')).toBeInTheDocument();
    expect(within(current).getByText('1 / 2')).toBeInTheDocument();
    // A change's date stays on one line.
    const changedAt = within(current).getByText('(2026-11-19)');
    expect(changedAt.closest('td')).toHaveTextContent(
      /^Review → Frozen \(2026-11-19\)$/,
    );
    expect(changedAt).toHaveStyle({ whiteSpace: 'nowrap' });
    expect(
      screen.getByText(
        /Checkout availability \(last complete window\): No SLO state was collected/,
      ),
    ).toBeInTheDocument();
    const spenders = screen.getByRole('table', {
      name: 'Budget spent by alert episode',
    });
    expect(within(spenders).getByText('still firing')).toBeInTheDocument();
    expect(within(spenders).getByText('55%')).toBeInTheDocument();
  });

  it('lists the runbooks touched and the checklist changes of the period', async () => {
    await renderReport(mockPolicyApi());
    const runbooks = await screen.findByRole('table', {
      name: 'Runbooks touched',
    });
    expect(
      screen.getByText('Runbooks touched (2026-09-23 – 2026-11-22)'),
    ).toBeInTheDocument();
    expect(within(runbooks).getByText('2026-11-02')).toBeInTheDocument();
    expect(
      within(runbooks).getByRole('link', {
        name: /Roll back a checkout release/,
      }),
    ).toHaveAttribute('href', 'https://runbooks.example.com/rollback');
    const checklist = screen.getByRole('table', { name: 'Checklist changes' });
    // Levels and kinds as the rest of the suite names them, not their ids.
    expect(within(checklist).getByText('Bronze → Silver')).toBeInTheDocument();
    expect(within(runbooks).getByText('Rollback')).toBeInTheDocument();
    expect(within(checklist).getByText('user:default/ada')).toBeInTheDocument();
  });

  it('says what held each assessment back from the next level', async () => {
    const checklist = await renderChecklistChanges(
      {
        assessmentId: 'held',
        level: 'none',
        previousLevel: null,
        score: 88.4,
        heldBackBy: {
          nextLevel: 'beginner',
          source: 'answers',
          items: ['On-call rotation', 'Runbooks linked'],
          more: 1,
        },
      },
      { assessmentId: 'top' },
    );
    expect(
      within(checklist).getByRole('columnheader', { name: 'Held back by' }),
    ).toBeInTheDocument();
    const [, held, top] = within(checklist).getAllByRole('row');
    expect(held).toHaveTextContent('No level yet');
    expect(
      within(held).getByRole('cell', {
        name: 'Beginner: On-call rotation, Runbooks linked and 1 more not met',
      }),
    ).toBeInTheDocument();
    // An assessment that does not say (here the top level) gets a dash.
    expect(within(top).getByRole('cell', { name: '—' })).toBeInTheDocument();
    expect(
      screen.queryByText(HELD_BACK_AUTOMATIC_NOTE),
    ).not.toBeInTheDocument();
  });

  it('names the automatic checks of a level as alternatives, with a note saying why', async () => {
    const checklist = await renderChecklistChanges({
      level: 'none',
      heldBackBy: {
        nextLevel: 'beginner',
        source: 'automatic',
        items: ['SLO defined', 'Two people on call'],
        more: 0,
      },
    });
    expect(
      within(checklist).getByText(
        'Beginner: an automatic check did not pass (SLO defined or Two people on call)',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText(HELD_BACK_AUTOMATIC_NOTE)).toBeInTheDocument();
  });

  it('lists the deploy-gate overrides of the period, and says when there was none', async () => {
    await renderReport(
      mockPolicyApi({
        getSloReport: async () =>
          testSloReport({
            overrides: [
              {
                id: '3f2b8c1e-4d5a-4b6c-8e7f-9a0b1c2d3e4f',
                entityRef: 'component:default/checkout-api',
                reason: 'Hotfix for INC-7',
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
          }),
      }),
    );
    const overrides = await screen.findByRole('table', {
      name: 'Deploy-gate overrides',
    });
    const [, row] = within(overrides).getAllByRole('row');
    expect(
      within(row)
        .getAllByRole('cell')
        .map(cell => cell.textContent),
    ).toEqual([
      '2026-11-05 14:00 UTC',
      'checkout-api',
      'user:default/ada',
      '2026-11-05 15:10 UTC (revoked)',
      'Hotfix for INC-7',
    ]);
  });

  it('says when no runbook was reviewed and nothing was assessed, and names what could not be read', async () => {
    await renderReport(
      mockPolicyApi({
        getSloReport: async () =>
          testSloReport({
            runbooksTouched: [],
            checklistChanges: [],
            problems: ['Runbooks of component:default/x could not be read'],
          }),
      }),
    );
    expect(
      await screen.findByText('No runbook was reviewed in the period.'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('No checklist assessment was submitted in the period.'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'No break-glass override of the deploy gate in the period.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Runbooks of component:default/x could not be read'),
    ).toBeInTheDocument();
  });

  it('copies the Markdown and downloads the CSV', async () => {
    const api = mockPolicyApi();
    const writeText = jest.fn(async () => {});
    Object.assign(window.navigator, { clipboard: { writeText } });
    await renderReport(api);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Copy as Markdown' }),
    );
    await waitFor(() => expect(writeText).toHaveBeenCalledWith('# SLO review'));
    expect(screen.getByText(/Markdown copied/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Download CSV' }));
    await waitFor(() =>
      expect(downloadText).toHaveBeenCalledWith(
        'entityRef,slo\r\n',
        'slo-review-group-default-checkout-payments.csv',
        'text/csv',
      ),
    );
    expect(api.getSloReportText).toHaveBeenCalledWith(scope, 'csv');
  });

  it('says when there is nothing to review, and shows errors', async () => {
    await renderReport(
      mockPolicyApi({ getSloReport: async () => testSloReport({ rows: [] }) }),
    );
    expect(await screen.findByText('No SLOs to review')).toBeInTheDocument();
  });

  it('shows an error panel when the report fails', async () => {
    await renderReport(
      mockPolicyApi({
        getSloReport: async () => {
          throw new Error('report unavailable');
        },
      }),
    );
    expect(
      (await screen.findAllByText(/report unavailable/)).length,
    ).toBeGreaterThan(0);
  });
});
