import { AUTOMATIC_CHECK_IDS } from '../checklist/types';
import { ALERT_CHECK_IDS, evaluateAlertCheck } from './checks';
import { AlertSummary } from './types';

function summary(overrides: Partial<AlertSummary> = {}): AlertSummary {
  return {
    entityRef: 'component:default/checkout-api',
    ownerRef: null,
    alerts: 5,
    pagingAlerts: 4,
    pagingWithRunbook: 4,
    firing: 0,
    noisy: 0,
    fired: 3,
    sloBasedPaging: 3,
    stale: false,
    gap: null,
    updatedAt: '2026-11-30T12:00:00.000Z',
    ...overrides,
  };
}

describe('evaluateAlertCheck', () => {
  it('passes a well-alerted service', () => {
    expect(evaluateAlertCheck('pages-have-runbooks', summary())).toEqual({
      status: 'pass',
      detail: 'all 4 paging alerts have a runbook',
    });
    expect(evaluateAlertCheck('paging-mostly-slo-based', summary())).toEqual({
      status: 'pass',
      detail: '3 of 4 paging alerts are SLO-based',
    });
    expect(evaluateAlertCheck('no-noisy-alerts', summary())).toEqual({
      status: 'pass',
      detail: 'no noisy alert in 30 days',
    });
  });

  it('fails what is missing, and says when the data may be stale', () => {
    const weak = summary({
      pagingWithRunbook: 3,
      sloBasedPaging: 2,
      noisy: 1,
      stale: true,
    });
    expect(evaluateAlertCheck('pages-have-runbooks', weak)).toEqual({
      status: 'fail',
      detail: '1 of 4 paging alerts have no runbook (data may be stale)',
    });
    // Half is not "mostly".
    expect(evaluateAlertCheck('paging-mostly-slo-based', weak).status).toBe(
      'fail',
    );
    expect(evaluateAlertCheck('no-noisy-alerts', weak)).toEqual({
      status: 'fail',
      detail: '1 noisy alert in 30 days (data may be stale)',
    });
    expect(
      evaluateAlertCheck('pages-have-runbooks', summary({ pagingAlerts: 0 })),
    ).toEqual({
      status: 'fail',
      detail: 'no alert pages',
    });
  });

  it('treats an entity without alerts as failing the paging checks and unknown for noise', () => {
    expect(evaluateAlertCheck('pages-have-runbooks', undefined).status).toBe(
      'fail',
    );
    expect(
      evaluateAlertCheck('paging-mostly-slo-based', summary({ alerts: 0 }))
        .status,
    ).toBe('fail');
    expect(evaluateAlertCheck('no-noisy-alerts', undefined).status).toBe(
      'unknown',
    );
  });

  it('names only checks the checklist knows', () => {
    for (const id of ALERT_CHECK_IDS) {
      expect(AUTOMATIC_CHECK_IDS).toContain(id);
    }
  });
});
