import { renderTestApp } from '@backstage/frontend-test-utils';
import { createTestEntityPage } from '@backstage/plugin-catalog-react/testUtils';
import { screen } from '@testing-library/react';
import { areaCardsApi } from '../__testUtils__/areaCardsApi';
import { testService, testTeam } from '../__testUtils__/mockReliabilityApi';
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

const areaCardIds = [
  'entity-card:reliability/policy',
  'entity-card:reliability/incidents',
  'entity-card:reliability/alerts',
  'entity-card:reliability/campaigns',
];

function renderEntityOverview(entity: Entity, enabled: string[]) {
  const api = areaCardsApi();
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

describe('policy, incidents, alerts and campaigns cards (new frontend system)', () => {
  it('are off until the app enables them', async () => {
    const api = renderEntityOverview(testService, []);
    expect(
      await screen.findByTestId('empty-entity-page', {}, WAIT),
    ).toBeInTheDocument();
    expect(api.getEntityPolicy).not.toHaveBeenCalled();
    expect(api.getEntityCampaigns).not.toHaveBeenCalled();
  });

  it('show on a service once enabled', async () => {
    const api = renderEntityOverview(testService, areaCardIds);
    expect(
      await screen.findByText('Policy "default" (of its tier)', {}, WAIT),
    ).toBeInTheDocument();
    expect(await screen.findByTestId('incident-counts')).toHaveTextContent(
      '3 incidents, 1 open',
    );
    expect(await screen.findByTestId('alert-counts')).toHaveTextContent(
      '4 alerts, 3 paging, 1 firing',
    );
    expect(
      await screen.findByText('Tier-1 reaches Beginner'),
    ).toBeInTheDocument();
    expect(api.getEntityPolicy).toHaveBeenCalledWith({
      kind: 'Component',
      namespace: 'default',
      name: 'checkout',
    });
  });

  it('stay off a group, whose kind has no SLOs, incidents or alerts', async () => {
    const api = renderEntityOverview(testTeam, areaCardIds);
    expect(
      await screen.findByTestId('empty-entity-page', {}, WAIT),
    ).toBeInTheDocument();
    expect(api.getEntityPolicy).not.toHaveBeenCalled();
    expect(api.getEntityIncidents).not.toHaveBeenCalled();
    expect(api.getEntityAlerts).not.toHaveBeenCalled();
    expect(api.getEntityCampaigns).not.toHaveBeenCalled();
  });
});
