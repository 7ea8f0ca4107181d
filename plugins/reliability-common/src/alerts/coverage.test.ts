import { alertRunbookCoverage, sumAlertRunbookCoverage } from './coverage';

describe('alertRunbookCoverage', () => {
  it('counts only paging alerts, with or without a runbook', () => {
    const runbook = { url: 'https://wiki.example.com/rb', title: null };
    expect(
      alertRunbookCoverage([
        { pages: true, runbook },
        { pages: true, runbook: null },
        { pages: true, runbook },
        { pages: true, runbook: null },
        // A ticket-only alert without a runbook does not lower the coverage.
        { pages: false, runbook: null },
      ]),
    ).toEqual({ pagingAlerts: 4, pagingWithRunbook: 2, ratio: 0.5 });
  });

  it('has no ratio without paging alerts', () => {
    expect(alertRunbookCoverage([{ pages: false, runbook: null }])).toEqual({
      pagingAlerts: 0,
      pagingWithRunbook: 0,
      ratio: null,
    });
  });

  it('adds coverages up', () => {
    expect(
      sumAlertRunbookCoverage([
        { pagingAlerts: 3, pagingWithRunbook: 1 },
        { pagingAlerts: 1, pagingWithRunbook: 1 },
        { pagingAlerts: 0, pagingWithRunbook: 0 },
      ]),
    ).toEqual({ pagingAlerts: 4, pagingWithRunbook: 2, ratio: 0.5 });
    expect(sumAlertRunbookCoverage([]).ratio).toBeNull();
  });
});
