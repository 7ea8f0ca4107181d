import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { reliabilityApiRef } from '../../../api';
import { testEntity } from '../../checklist/testData';
import { testCampaign, testChecklist } from '../testData';
import { EntityCampaignsCard } from './EntityCampaignsCard';

async function renderCard(campaigns: unknown[]) {
  const api = {
    getChecklist: jest.fn(async () => testChecklist),
    getEntityCampaigns: jest.fn(async () => ({
      entityRef: 'component:default/orders-api',
      campaigns,
    })),
  };
  await renderInTestApp(
    <TestApiProvider apis={[[reliabilityApiRef, api as any]]}>
      <EntityProvider entity={testEntity}>
        <EntityCampaignsCard />
      </EntityProvider>
    </TestApiProvider>,
  );
  return api;
}

describe('EntityCampaignsCard', () => {
  it('shows the campaigns that concern the service and what is left', async () => {
    await renderCard([
      {
        campaign: testCampaign(),
        schedule: 'overdue',
        done: false,
        left: ['rollback'],
      },
      {
        campaign: testCampaign({
          id: 'slos',
          name: 'SLOs everywhere',
          target: { kind: 'items', itemIds: ['slo-defined'] },
        }),
        schedule: 'running',
        done: true,
        left: [],
      },
    ]);
    expect(
      await screen.findByText('Tier-1 reaches Beginner'),
    ).toBeInTheDocument();
    expect(screen.getByText('Overdue')).toBeInTheDocument();
    expect(
      screen.getByText(
        /Reach Beginner by 2026-12-31\. Left: A release can be rolled back quickly\./,
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Done')).toBeInTheDocument();
    expect(
      screen.getByText(/This service meets the target\./),
    ).toBeInTheDocument();
  });

  it('says when no campaign concerns the service', async () => {
    await renderCard([]);
    expect(
      await screen.findByText('No active campaign concerns this service.'),
    ).toBeInTheDocument();
  });
});
