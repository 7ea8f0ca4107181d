import { CompoundEntityRef } from '@backstage/catalog-model';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { ReactElement } from 'react';
import { areaCardsApi } from './__testUtils__/areaCardsApi';
import { testService } from './__testUtils__/mockReliabilityApi';
import { reliabilityApiRef } from './api';
import {
  EntityAlertsCard,
  EntityCampaignsCard,
  EntityIncidentsCard,
  EntityPolicyCard,
} from './plugin';

const checkout: CompoundEntityRef = {
  kind: 'Component',
  namespace: 'default',
  name: 'checkout',
};

async function renderLegacy(element: ReactElement) {
  const api = areaCardsApi();
  await renderInTestApp(
    <TestApiProvider apis={[[reliabilityApiRef, api as any]]}>
      <EntityProvider entity={testService}>{element}</EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
  return api;
}

describe('legacy frontend system exports: area cards', () => {
  it('EntityPolicyCard shows the policy state of the entity', async () => {
    const api = await renderLegacy(<EntityPolicyCard />);
    expect(
      await screen.findByText('Policy "default" (of its tier)'),
    ).toBeInTheDocument();
    expect(screen.getByText('Error-budget policy')).toBeInTheDocument();
    expect(api.getEntityPolicy).toHaveBeenCalledWith(checkout);
  });

  it('EntityIncidentsCard shows the incidents of the entity', async () => {
    const api = await renderLegacy(<EntityIncidentsCard />);
    expect(await screen.findByTestId('incident-counts')).toHaveTextContent(
      '3 incidents, 1 open',
    );
    expect(screen.getByText('Incidents and postmortems')).toBeInTheDocument();
    expect(api.getEntityIncidents).toHaveBeenCalledWith(checkout);
  });

  it('EntityAlertsCard shows the alerts of the entity', async () => {
    const api = await renderLegacy(<EntityAlertsCard />);
    expect(await screen.findByTestId('alert-counts')).toHaveTextContent(
      '4 alerts, 3 paging, 1 firing',
    );
    expect(screen.getByText('Monitoring coverage')).toBeInTheDocument();
    expect(api.getEntityAlerts).toHaveBeenCalledWith(checkout);
  });

  it('EntityCampaignsCard shows the campaigns that concern the entity', async () => {
    const api = await renderLegacy(<EntityCampaignsCard />);
    expect(
      await screen.findByText('Tier-1 reaches Beginner'),
    ).toBeInTheDocument();
    expect(screen.getByText('Campaigns')).toBeInTheDocument();
    expect(api.getEntityCampaigns).toHaveBeenCalledWith(checkout);
  });
});
