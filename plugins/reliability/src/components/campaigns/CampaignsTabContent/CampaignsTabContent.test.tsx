import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { reliabilityApiRef } from '../../../api';
import {
  testCampaign,
  testChecklist,
  testDetail,
  testSummary,
} from '../testData';
import { CampaignsTabContent } from './CampaignsTabContent';

// Generous: the form and the table render slowly in jsdom on a loaded machine.
jest.setTimeout(120_000);

beforeAll(() => {
  (globalThis as any).ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});

function mockApi(canManage: boolean) {
  return {
    getChecklist: jest.fn(async () => testChecklist),
    listCampaigns: jest.fn(async () => ({
      canManage,
      campaigns: [
        testSummary(),
        testSummary(
          testCampaign({ id: 'old', name: 'Old drive', status: 'archived' }),
          { schedule: 'ended' },
        ),
      ],
    })),
    getCampaign: jest.fn(async () => testDetail({ canManage })),
    putCampaign: jest.fn(async (id: string, input: any) =>
      testCampaign({ id, ...input }),
    ),
  };
}

async function renderTab(api: ReturnType<typeof mockApi>) {
  await renderInTestApp(
    <TestApiProvider apis={[[reliabilityApiRef, api as any]]}>
      <CampaignsTabContent />
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

describe('CampaignsTabContent', () => {
  it('lists campaigns with their progress and opens one with its teams, services and burn-up', async () => {
    const api = mockApi(false);
    await renderTab(api);
    expect(
      await screen.findByText('Tier-1 reaches Beginner'),
    ).toBeInTheDocument();
    expect(screen.getByText('1 of 4 services (25%)')).toBeInTheDocument();
    expect(
      screen.getByRole('progressbar', {
        name: 'Tier-1 reaches Beginner: 1 of 4 services (25%)',
      }),
    ).toHaveAttribute('aria-valuenow', '25');
    expect(screen.getByText('Reach Beginner')).toBeInTheDocument();
    // Archived campaigns are hidden unless asked for; readers cannot create campaigns.
    expect(screen.queryByText('Old drive')).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'New campaign' }),
    ).not.toBeInTheDocument();

    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByLabelText('Show archived'));
    expect(screen.getByText('Old drive')).toBeInTheDocument();
    // Listed as the backend sends them; sorted by name on asking.
    const names = () =>
      within(screen.getByRole('table', { name: 'Campaigns' }))
        .getAllByRole('row')
        .slice(1)
        .map(row => within(row).getAllByRole('cell')[0].textContent);
    expect(names()).toEqual(['Tier-1 reaches Beginner', 'Old drive']);
    await user.click(screen.getByRole('button', { name: 'Campaign' }));
    expect(names()).toEqual(['Old drive', 'Tier-1 reaches Beginner']);

    await user.click(
      screen.getByRole('button', { name: 'Tier-1 reaches Beginner' }),
    );
    expect(await screen.findByText('Progress per team')).toBeInTheDocument();
    expect(api.getCampaign).toHaveBeenCalledWith('tier-1-beginner');
    expect(screen.getByText('Services in scope')).toBeInTheDocument();
    expect(screen.getByText('1 left')).toBeInTheDocument();
    expect(
      screen.getByText('A release can be rolled back quickly'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('img', {
        name: 'Burn-up: services done per day until 2026-12-31',
      }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Edit campaign' }),
    ).not.toBeInTheDocument();
  });

  it('lets a campaign manager create a campaign', async () => {
    const api = mockApi(true);
    await renderTab(api);
    const user = userEvent.setup({ delay: null });
    await user.click(
      await screen.findByRole('button', { name: 'New campaign' }),
    );
    const save = screen.getByRole('button', { name: 'Save campaign' });
    expect(save).toBeDisabled();
    await user.type(screen.getByLabelText('Name'), 'Rollbacks for tier-1');
    await user.type(
      screen.getByLabelText('Why it matters'),
      'Changes cause incidents.',
    );
    await user.type(screen.getByLabelText('Tiers'), 'tier-1');
    await user.click(save);
    await waitFor(() => expect(api.putCampaign).toHaveBeenCalled());
    const [id, input] = api.putCampaign.mock.calls[0];
    expect(id).toBe('rollbacks-for-tier-1');
    expect(input).toMatchObject({
      name: 'Rollbacks for tier-1',
      why: 'Changes cause incidents.',
      target: { kind: 'level', level: 'beginner' },
      scope: { tiers: ['tier-1'] },
      status: 'draft',
    });
    // The new campaign's page opens.
    await waitFor(() =>
      expect(api.getCampaign).toHaveBeenCalledWith('rollbacks-for-tier-1'),
    );
  });
});
