import { Entity } from '@backstage/catalog-model';
import { screen, within } from '@testing-library/react';
import { mockAlertsApi, testCoverage } from '../testData';
import { GroupAlertsCoverageCard } from './GroupAlertsCoverageCard';
import { renderWithEntity } from '../../../__testUtils__/renderWithEntity';

const team: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'checkout-payments', namespace: 'default' },
  spec: { type: 'team', children: [] },
};

async function renderCard(api: ReturnType<typeof mockAlertsApi>) {
  return renderWithEntity(team, <GroupAlertsCoverageCard />, api);
}

describe('GroupAlertsCoverageCard', () => {
  it('shows progress while loading', async () => {
    await renderCard(
      mockAlertsApi({ getAlertsCoverage: () => new Promise(() => {}) }),
    );
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('shows the error when the backend fails', async () => {
    await renderCard(
      mockAlertsApi({
        getAlertsCoverage: async () => {
          throw new Error('alerts backend down');
        },
      }),
    );
    expect(
      (await screen.findAllByText(/alerts backend down/)).length,
    ).toBeGreaterThan(0);
  });

  it('explains where alerts come from when the team has none', async () => {
    await renderCard(
      mockAlertsApi({
        getAlertsCoverage: async () =>
          testCoverage({ entities: [], gaps: [], noisy: [] }),
      }),
    );
    expect(
      await screen.findByText("No alerts or monitors for this team's entities"),
    ).toBeInTheDocument();
  });

  it("lists the team's coverage, gaps, noisy alerts and stale sources", async () => {
    const api = mockAlertsApi();
    await renderCard(api);
    expect(await screen.findByTestId('coverage-summary')).toHaveTextContent(
      'Runbook coverage 67% (2 of 3 paging alerts) · 2 entities · 1 gap · 1 noisy alert (last 30 days)',
    );
    expect(api.getAlertsCoverage).toHaveBeenCalledWith({
      owner: 'group:default/checkout-payments',
    });
    const gaps = screen.getByRole('table', { name: 'Monitoring gaps' });
    expect(
      within(gaps).getByText('Tier-1 service with SLOs but no paging alert'),
    ).toBeInTheDocument();
    const noisy = screen.getByRole('table', { name: 'Noisy alerts' });
    const row = within(noisy)
      .getByText(/CartCacheMemoryHigh/)
      .closest('tr')!;
    expect(within(row).getByText('40')).toBeInTheDocument();
    // The alert's javascript: URL is not rendered as a link.
    expect(within(row).queryByRole('link', { name: /CartCache/ })).toBeNull();
    const entities = screen.getByRole('table', { name: 'Coverage per entity' });
    expect(within(entities).getByText('2 of 3')).toBeInTheDocument();
    expect(within(entities).getByText('no paging alerts')).toBeInTheDocument();
    expect(
      screen.getByText(
        /Alerts from prometheus could not be read; counting those read before \(stale\)/,
      ),
    ).toBeInTheDocument();
  });
});
