import {
  ALPHA_WAIT,
  renderEntityOverview,
} from '../__testUtils__/renderEntityOverview';
import { screen } from '@testing-library/react';
import {
  mockReliabilityApi,
  testService,
  testTeam,
} from '../__testUtils__/mockReliabilityApi';

const groupCardIds = [
  'entity-card:reliability/group-alerts',
  'entity-card:reliability/group-postmortems',
  'entity-card:reliability/group-learning',
];

describe('group monitoring and postmortem cards (new frontend system)', () => {
  it('are off until the app enables them', async () => {
    const api = renderEntityOverview(testTeam, [], mockReliabilityApi());
    expect(
      await screen.findByTestId('empty-entity-page', {}, ALPHA_WAIT),
    ).toBeInTheDocument();
    expect(api.getAlertsCoverage).not.toHaveBeenCalled();
    expect(api.getIncidentFollowUp).not.toHaveBeenCalled();
    expect(api.getTeamLearningProgress).not.toHaveBeenCalled();
  });

  it("show the team's coverage and follow-up on a group once enabled", async () => {
    const api = renderEntityOverview(
      testTeam,
      groupCardIds,
      mockReliabilityApi(),
    );
    expect(
      await screen.findByTestId('coverage-summary', {}, ALPHA_WAIT),
    ).toHaveTextContent('Runbook coverage 67%');
    expect(await screen.findByTestId('follow-up-counts')).toHaveTextContent(
      '1 postmortem overdue',
    );
    expect(api.getAlertsCoverage).toHaveBeenCalledWith({
      owner: 'group:default/payments',
    });
    expect(api.getIncidentFollowUp).toHaveBeenCalledWith({
      owner: 'group:default/payments',
    });
    expect(
      await screen.findByTestId('team-learning-summary'),
    ).toHaveTextContent('1 of 4 members finished the path');
    expect(api.getTeamLearningProgress).toHaveBeenCalledWith({
      kind: 'Group',
      namespace: 'default',
      name: 'payments',
    });
  });

  it('stay off a service', async () => {
    const api = renderEntityOverview(
      testService,
      groupCardIds,
      mockReliabilityApi(),
    );
    expect(
      await screen.findByTestId('empty-entity-page', {}, ALPHA_WAIT),
    ).toBeInTheDocument();
    expect(api.getAlertsCoverage).not.toHaveBeenCalled();
    expect(api.getIncidentFollowUp).not.toHaveBeenCalled();
    expect(api.getTeamLearningProgress).not.toHaveBeenCalled();
  });
});
