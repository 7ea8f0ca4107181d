import { AUTOMATIC_CHECK_IDS } from '../checklist/types';
import { IncidentSummary } from './api';
import { evaluateIncidentCheck, INCIDENT_CHECK_IDS } from './checks';

function summary(overrides: Partial<IncidentSummary> = {}): IncidentSummary {
  return {
    entityRef: 'component:default/checkout-api',
    incidents: 4,
    openIncidents: 0,
    postmortemsDue: 0,
    postmortemsOverdue: 0,
    openActionItems: 3,
    overdueActionItems: 0,
    acknowledged: 4,
    mttaSeconds: 300,
    acknowledgeTargetSeconds: 900,
    updatedAt: '2026-11-30T12:00:00.000Z',
    ...overrides,
  };
}

describe('evaluateIncidentCheck', () => {
  it('passes a team that writes postmortems and closes action items on time', () => {
    expect(evaluateIncidentCheck('postmortems-on-time', summary())).toEqual({
      status: 'pass',
      detail:
        'every postmortem needed for 4 incidents in 90 days was written on time',
    });
    expect(evaluateIncidentCheck('action-items-on-time', summary())).toEqual({
      status: 'pass',
      detail: 'none of 3 open action items is past the due date',
    });
  });

  it('does not fail postmortems still within their deadline', () => {
    expect(
      evaluateIncidentCheck(
        'postmortems-on-time',
        summary({ postmortemsDue: 2 }),
      ),
    ).toEqual({
      status: 'pass',
      detail: 'no postmortem overdue (2 still within the deadline)',
    });
  });

  it('fails overdue postmortems and overdue action items', () => {
    const late = summary({
      postmortemsDue: 1,
      postmortemsOverdue: 1,
      overdueActionItems: 2,
    });
    expect(evaluateIncidentCheck('postmortems-on-time', late)).toEqual({
      status: 'fail',
      detail: '1 incident past the deadline without a postmortem',
    });
    expect(evaluateIncidentCheck('action-items-on-time', late)).toEqual({
      status: 'fail',
      detail: '2 of 3 open action items past the due date',
    });
  });

  it('passes a tracked entity without incidents and is unknown for an untracked one', () => {
    const quiet = summary({ incidents: 0, openActionItems: 0 });
    expect(evaluateIncidentCheck('postmortems-on-time', quiet)).toEqual({
      status: 'pass',
      detail: 'no incident in the last 90 days',
    });
    expect(evaluateIncidentCheck('action-items-on-time', quiet)).toEqual({
      status: 'pass',
      detail: 'no open postmortem action item',
    });
    expect(evaluateIncidentCheck('action-items-on-time', undefined)).toEqual({
      status: 'unknown',
      detail: 'no incident source tracks this entity',
    });
  });

  it('judges the mean time to acknowledge against the target', () => {
    expect(
      evaluateIncidentCheck('acknowledge-within-target', summary()),
    ).toEqual({
      status: 'pass',
      detail: 'MTTA 5 min over 4 acknowledged incidents (target 15 min)',
    });
    expect(
      evaluateIncidentCheck(
        'acknowledge-within-target',
        summary({ acknowledged: 1, mttaSeconds: 3900 }),
      ),
    ).toEqual({
      status: 'fail',
      detail: 'MTTA 1 h 5 min over 1 acknowledged incident (target 15 min)',
    });
    expect(
      evaluateIncidentCheck(
        'acknowledge-within-target',
        summary({ acknowledged: 0, mttaSeconds: null }),
      ).status,
    ).toBe('unknown');
    expect(
      evaluateIncidentCheck(
        'acknowledge-within-target',
        summary({ acknowledgeTargetSeconds: null }),
      ),
    ).toEqual({
      status: 'unknown',
      detail: 'not summarised since the acknowledge target was introduced',
    });
  });

  it("names the team that set the target, or why the team's own target was not used", () => {
    expect(
      evaluateIncidentCheck(
        'acknowledge-within-target',
        summary({
          acknowledged: 2,
          mttaSeconds: 420,
          acknowledgeTargetSeconds: 300,
          acknowledgeTargetSetBy: 'group:default/payments',
        }),
      ),
    ).toEqual({
      status: 'fail',
      detail:
        'MTTA 7 min over 2 acknowledged incidents (target 5 min set by group:default/payments)',
    });
    expect(
      evaluateIncidentCheck(
        'acknowledge-within-target',
        summary({
          acknowledged: 2,
          mttaSeconds: 420,
          acknowledgeTargetSeconds: 900,
          acknowledgeTargetSetBy: null,
          acknowledgeTargetProblem: 'the invalid team target was ignored',
        }),
      ),
    ).toEqual({
      status: 'pass',
      detail:
        'MTTA 7 min over 2 acknowledged incidents (target 15 min; the invalid team target was ignored)',
    });
  });

  it('names only checks the checklist knows', () => {
    for (const id of INCIDENT_CHECK_IDS) {
      expect(AUTOMATIC_CHECK_IDS).toContain(id);
    }
  });
});
