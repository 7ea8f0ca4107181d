import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { reliabilityApiRef } from '../../../api';
import { testChecklist, testDetail } from '../testData';
import { CampaignDetailView } from './CampaignDetailView';

beforeAll(() => {
  (globalThis as any).ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});

async function renderDetail() {
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [reliabilityApiRef, { getCampaign: jest.fn(async () => testDetail()) }],
      ]}
    >
      <CampaignDetailView id="tier-1-beginner" checklist={testChecklist} />
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

/** The first cell of each row of a table. */
const firstCells = (table: string) =>
  within(screen.getByRole('table', { name: table }))
    .getAllByRole('row')
    .slice(1)
    .map(row => within(row).getAllByRole('cell')[0].textContent);

describe('CampaignDetailView', () => {
  it('names the campaign progress bar by what it shows', async () => {
    await renderDetail();
    expect(
      await screen.findByRole('progressbar', {
        name: 'Campaign progress: 1 of 4 services (25%)',
      }),
    ).toHaveAttribute('aria-valuenow', '25');
  });

  it('finds services in scope by name, team or what they have left', async () => {
    await renderDetail();
    const user = userEvent.setup({ delay: null });
    const filter = await screen.findByRole('searchbox', {
      name: 'Filter services',
    });
    expect(firstCells('Services in scope')).toEqual(['orders-api', 'payments']);
    await user.type(filter, 'rolled back');
    expect(firstCells('Services in scope')).toEqual(['orders-api']);
    await user.clear(filter);
    // Both are the team checkout-payments'; every word must be found.
    await user.type(filter, 'PAYMENTS');
    expect(firstCells('Services in scope')).toEqual(['orders-api', 'payments']);
    await user.type(filter, ' orders');
    expect(firstCells('Services in scope')).toEqual(['orders-api']);
    await user.clear(filter);
    await user.type(filter, 'web-storefront');
    expect(firstCells('Services in scope')).toEqual([
      'Nothing matches “web-storefront”.',
    ]);
  });

  it('sorts services by status and teams by what they have done', async () => {
    await renderDetail();
    const user = userEvent.setup({ delay: null });
    await screen.findByRole('table', { name: 'Services in scope' });
    await user.click(screen.getByRole('button', { name: 'Status' }));
    expect(firstCells('Services in scope')).toEqual(['payments', 'orders-api']);

    expect(firstCells('Progress per team')).toEqual([
      'checkout-payments',
      'web-storefront',
    ]);
    await user.click(
      within(
        screen.getByRole('table', { name: 'Progress per team' }),
      ).getByRole('button', { name: 'Done' }),
    );
    expect(firstCells('Progress per team')).toEqual([
      'web-storefront',
      'checkout-payments',
    ]);
  });
});
