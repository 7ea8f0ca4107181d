import {
  ALPHA_WAIT,
  renderEntityOverview,
} from '../__testUtils__/renderEntityOverview';
import { screen } from '@testing-library/react';
import { areaCardsApi } from '../__testUtils__/areaCardsApi';
import { testService, testTeam } from '../__testUtils__/mockReliabilityApi';

const areaCardIds = [
  'entity-card:reliability/policy',
  'entity-card:reliability/incidents',
  'entity-card:reliability/alerts',
  'entity-card:reliability/campaigns',
];

describe('policy, incidents, alerts and campaigns cards (new frontend system)', () => {
  it('are off until the app enables them', async () => {
    const api = renderEntityOverview(testService, [], areaCardsApi());
    expect(
      await screen.findByTestId('empty-entity-page', {}, ALPHA_WAIT),
    ).toBeInTheDocument();
    expect(api.getEntityPolicy).not.toHaveBeenCalled();
    expect(api.getEntityCampaigns).not.toHaveBeenCalled();
  });

  it('show on a service once enabled', async () => {
    const api = renderEntityOverview(testService, areaCardIds, areaCardsApi());
    expect(
      await screen.findByText('Policy "default" (of its tier)', {}, ALPHA_WAIT),
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
    const api = renderEntityOverview(testTeam, areaCardIds, areaCardsApi());
    expect(
      await screen.findByTestId('empty-entity-page', {}, ALPHA_WAIT),
    ).toBeInTheDocument();
    expect(api.getEntityPolicy).not.toHaveBeenCalled();
    expect(api.getEntityIncidents).not.toHaveBeenCalled();
    expect(api.getEntityAlerts).not.toHaveBeenCalled();
    expect(api.getEntityCampaigns).not.toHaveBeenCalled();
  });
});
