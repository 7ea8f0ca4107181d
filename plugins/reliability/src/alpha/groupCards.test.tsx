import { renderTestApp } from '@backstage/frontend-test-utils';
import { createTestEntityPage } from '@backstage/plugin-catalog-react/testUtils';
import { screen } from '@testing-library/react';
import {
  mockReliabilityApi,
  testService,
  testTeam,
} from '../__testUtils__/mockReliabilityApi';
import { Entity } from '@backstage/catalog-model';
import { reliabilityApiRef } from '../api';
import { reliabilityPlugin } from './plugin';

/** The app and its lazy extensions take a few seconds to load on a busy machine. */
const WAIT = { timeout: 15_000 };

// The test entity page takes the tabs too: leave them out to look at the cards alone.
const tabIds = [
  'entity-content:reliability/reliability',
  'entity-content:reliability/slos',
  'entity-content:reliability/runbooks',
  'entity-content:reliability/maturity',
  'entity-content:reliability/group-oncall',
  'entity-content:reliability/group-reliability-review',
];

const groupCardIds = [
  'entity-card:reliability/group-alerts',
  'entity-card:reliability/group-postmortems',
  'entity-card:reliability/group-learning',
];

function renderEntityOverview(entity: Entity, enabled: string[]) {
  const api = mockReliabilityApi();
  renderTestApp({
    features: [reliabilityPlugin],
    extensions: [createTestEntityPage({ entity })],
    apis: [[reliabilityApiRef, api as any]],
    config: {
      app: {
        extensions: [
          ...tabIds.map(id => ({ [id]: false })),
          ...enabled.map(id => ({ [id]: true })),
        ],
      },
    },
  });
  return api;
}

describe('group monitoring and postmortem cards (new frontend system)', () => {
  it('are off until the app enables them', async () => {
    const api = renderEntityOverview(testTeam, []);
    expect(
      await screen.findByTestId('empty-entity-page', {}, WAIT),
    ).toBeInTheDocument();
    expect(api.getAlertsCoverage).not.toHaveBeenCalled();
    expect(api.getIncidentFollowUp).not.toHaveBeenCalled();
    expect(api.getTeamLearningProgress).not.toHaveBeenCalled();
  });

  it("show the team's coverage and follow-up on a group once enabled", async () => {
    const api = renderEntityOverview(testTeam, groupCardIds);
    expect(
      await screen.findByTestId('coverage-summary', {}, WAIT),
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
    const api = renderEntityOverview(testService, groupCardIds);
    expect(
      await screen.findByTestId('empty-entity-page', {}, WAIT),
    ).toBeInTheDocument();
    expect(api.getAlertsCoverage).not.toHaveBeenCalled();
    expect(api.getIncidentFollowUp).not.toHaveBeenCalled();
    expect(api.getTeamLearningProgress).not.toHaveBeenCalled();
  });
});
