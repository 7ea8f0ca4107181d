import { entityRouteRef, catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { reliabilityApiRef } from '../../../api';
import { testBackgroundWork } from '../../backgroundWork/testData';
import { testPage, testRow } from '../testData';
import { formatDateTime } from '../overviewFormat';
import { listingFreshness, ServicesTab } from './ServicesTab';

function mockApi(overrides: Record<string, jest.Mock> = {}) {
  return {
    getOverview: jest.fn(async () => testPage([testRow('orders')])),
    // Every background task on time: no banner (tested with BackgroundWorkBanner).
    getBackgroundWork: jest.fn(async () => testBackgroundWork()),
    getOverviewCsv: jest.fn(async () => ({
      csv: 'entityRef\r\ncomponent:default/orders\r\n',
      totalItems: 1,
      exportedItems: 1,
    })),
    getChecklist: jest.fn(async () => ({
      levels: [{ id: 'bronze', title: 'Bronze' }],
    })),
    listCampaigns: jest.fn(async () => ({
      canManage: false,
      campaigns: [
        {
          campaign: {
            id: 'tier-1-beginner',
            name: 'Tier-1 reaches Beginner',
            status: 'active',
          },
        },
        {
          campaign: { id: 'old-drive', name: 'Old drive', status: 'archived' },
        },
      ],
    })),
    ...overrides,
  };
}

async function renderTab(api: ReturnType<typeof mockApi>) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [reliabilityApiRef, api as any],
        [catalogApiRef, catalogApiMock()],
      ]}
    >
      <ServicesTab />
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

/** Stubs what a browser download needs (an object URL and a link click) and returns the stubs. */
function stubDownload() {
  const createObjectURL = jest.fn(() => 'blob:csv');
  Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
  const click = jest
    .spyOn(HTMLAnchorElement.prototype, 'click')
    .mockImplementation(() => {});
  return { createObjectURL, click };
}

describe('ServicesTab', () => {
  it('shows services with their reliability state', async () => {
    const api = mockApi();
    await renderTab(api);
    expect(await screen.findByText('orders')).toBeInTheDocument();
    expect(screen.getByText('Services (1)')).toBeInTheDocument();
    expect(screen.getByText('OK')).toBeInTheDocument();
    expect(screen.getByText('2 SLOs · 42% budget left')).toBeInTheDocument();
    expect(screen.getByText('Ada Lovelace')).toBeInTheDocument();
    expect(screen.getByText(/^until /)).toBeInTheDocument();
    expect(screen.getByText('3 runbooks')).toBeInTheDocument();
    expect(
      screen.getByText('50% of alerts covered · 1 stale'),
    ).toBeInTheDocument();
    expect(screen.getByText('Silver')).toBeInTheDocument();
    expect(screen.getByText('score 72/100')).toBeInTheDocument();
    expect(screen.getByText('service · production')).toBeInTheDocument();
    expect(screen.getByText(/· commerce$/)).toBeInTheDocument();
    expect(api.getOverview).toHaveBeenCalledWith({
      sort: 'name',
      order: 'asc',
      limit: 50,
    });
  });

  it('says when the list of services was read from the catalog when it comes from the services index', async () => {
    const listedAt = '2026-12-01T08:00:00.000Z';
    const api = mockApi({
      getOverview: jest.fn(async () =>
        testPage([testRow('orders')], { listedAt }),
      ),
    });
    await renderTab(api);
    expect(
      await screen.findByText(
        `Services as listed in the catalog at ${formatDateTime(
          listedAt,
        )} (refreshed in the background); reliability figures are current`,
      ),
    ).toBeInTheDocument();
    expect(listingFreshness(testPage([]))).toBeUndefined();
  });

  it('shows placeholders instead of empty or broken values', async () => {
    const api = mockApi({
      getOverview: jest.fn(async () =>
        testPage(
          [
            testRow('bare', {
              owner: null,
              slo: null,
              onCall: null,
              runbooks: null,
              maturity: null,
              tier: null,
            }),
          ],
          { unavailable: ['maturity'] },
        ),
      ),
    });
    await renderTab(api);
    expect(await screen.findByText('no SLOs')).toBeInTheDocument();
    expect(screen.getByText('not configured')).toBeInTheDocument();
    expect(screen.getByText('not assessed')).toBeInTheDocument();
    expect(screen.getByText('no owner')).toBeInTheDocument();
    expect(
      screen.getByText(/Not installed in this backend: maturity/),
    ).toBeInTheDocument();
    expect(screen.queryByText(/NaN/)).not.toBeInTheDocument();
  });

  it('says "No level yet" with the score for services below the first level', async () => {
    await renderTab(
      mockApi({
        getOverview: jest.fn(async () =>
          testPage([
            testRow('fresh', { maturity: { level: 'none', score: 18 } }),
          ]),
        ),
      }),
    );
    expect(await screen.findByText('No level yet')).toBeInTheDocument();
    expect(screen.getByText('score 18/100')).toBeInTheDocument();
  });

  it('sorts by a labelled field and reverses the order', async () => {
    const api = mockApi();
    await renderTab(api);
    await screen.findByText('orders');
    const sort = screen.getByRole('button', { name: /Sort by/ });
    expect(sort).toHaveTextContent('Name');
    await userEvent.click(sort);
    const listbox = await screen.findByRole('listbox');
    expect(
      within(listbox)
        .getAllByRole('option')
        .map(option => option.textContent),
    ).toEqual(['Name', 'Owner', 'System', 'Tier']);
    await userEvent.click(within(listbox).getByText('Owner'));
    await waitFor(() =>
      expect(api.getOverview).toHaveBeenLastCalledWith({
        sort: 'owner',
        order: 'asc',
        limit: 50,
      }),
    );
    await userEvent.click(screen.getByRole('button', { name: /Sort order/ }));
    await waitFor(() =>
      expect(api.getOverview).toHaveBeenLastCalledWith({
        sort: 'owner',
        order: 'desc',
        limit: 50,
      }),
    );
  });

  it('shows the policy state since when, and filters by a state clicked in the column', async () => {
    const api = mockApi({
      getOverview: jest.fn(async () =>
        testPage([
          testRow('orders'),
          testRow('legacy', { slo: null, policy: null }),
        ]),
      ),
    });
    await renderTab(api);
    await screen.findByText('orders');
    expect(screen.getByText('Policy')).toBeInTheDocument();
    expect(screen.getByText(/^since /)).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', {
        name: 'Show the services in policy state Review',
      }),
    );
    await waitFor(() =>
      expect(api.getOverview).toHaveBeenLastCalledWith({
        sort: 'name',
        order: 'asc',
        policy: 'review',
        limit: 50,
      }),
    );
    const chip = screen.getByRole('button', {
      name: 'Policy state filter Review',
    });
    expect(chip).toHaveTextContent('Policy: Review');

    await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() =>
      expect(api.getOverviewCsv).toHaveBeenCalledWith(
        expect.objectContaining({ policy: 'review' }),
      ),
    );

    // Deleting the chip clears the filter.
    chip.focus();
    await userEvent.keyboard('{Delete}');
    await waitFor(() =>
      expect(api.getOverview).toHaveBeenLastCalledWith({
        sort: 'name',
        order: 'asc',
        limit: 50,
      }),
    );
    expect(
      screen.queryByRole('button', { name: 'Policy state filter Review' }),
    ).toBeNull();
  });

  it('shows an empty state when the catalog has no services', async () => {
    await renderTab(
      mockApi({ getOverview: jest.fn(async () => testPage([])) }),
    );
    expect(
      await screen.findByText('No services in the catalog yet'),
    ).toBeInTheDocument();
  });

  it('shows an error panel when the backend fails', async () => {
    await renderTab(
      mockApi({
        getOverview: jest.fn(async () => {
          throw new Error('overview exploded');
        }),
      }),
    );
    expect(
      (await screen.findAllByText(/overview exploded/)).length,
    ).toBeGreaterThan(0);
  });

  it('follows the opaque cursors to the next page and back', async () => {
    const getOverview = jest.fn(async (query: { cursor?: string }) =>
      query.cursor === 'page-2'
        ? testPage([testRow('payments')], {
            totalItems: 120,
            pageInfo: { prevCursor: 'page-1' },
          })
        : testPage([testRow('orders')], {
            totalItems: 120,
            pageInfo: { nextCursor: 'page-2' },
          }),
    );
    await renderTab(mockApi({ getOverview }));
    await screen.findByText('orders');
    await userEvent.click(screen.getByRole('button', { name: /next page/i }));
    expect(
      await screen.findByTitle('component:default/payments'),
    ).toBeInTheDocument();
    expect(getOverview).toHaveBeenLastCalledWith({
      limit: 50,
      cursor: 'page-2',
    });
    await userEvent.click(
      screen.getByRole('button', { name: /previous page/i }),
    );
    expect(
      await screen.findByTitle('component:default/orders'),
    ).toBeInTheDocument();
  });

  it('exports the filtered services as CSV', async () => {
    const api = mockApi();
    const { createObjectURL, click } = stubDownload();
    await renderTab(api);
    await screen.findByText('orders');
    await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() =>
      expect(api.getOverviewCsv).toHaveBeenCalledWith({
        sort: 'name',
        order: 'asc',
      }),
    );
    expect(createObjectURL).toHaveBeenCalled();
    expect(click).toHaveBeenCalled();
    expect(screen.queryByText(/^The CSV holds the first/)).toBeNull();
    click.mockRestore();
  });

  it('warns when the export stopped at the backend’s row cap', async () => {
    const api = mockApi({
      getOverviewCsv: jest.fn(async () => ({
        csv: 'entityRef\r\ncomponent:default/orders\r\n',
        totalItems: 120000,
        exportedItems: 100000,
      })),
    });
    const { click } = stubDownload();
    await renderTab(api);
    await screen.findByText('orders');
    await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(
      await screen.findByText(
        /The CSV holds the first 100,000 of 120,000 services/,
      ),
    ).toBeInTheDocument();
    expect(click).toHaveBeenCalled();
    click.mockRestore();
  });

  it('filters by a campaign, optionally only the services not done yet, and clears it for a maturity level', async () => {
    const api = mockApi();
    await renderTab(api);
    await screen.findByText('orders');
    await userEvent.click(
      await screen.findByRole('button', { name: /Campaign/ }),
    );
    const listbox = await screen.findByRole('listbox');
    // Archived campaigns are not offered.
    expect(
      within(listbox)
        .getAllByRole('option')
        .map(option => option.textContent),
    ).toEqual(['All', 'Tier-1 reaches Beginner']);
    await userEvent.click(within(listbox).getByText('Tier-1 reaches Beginner'));
    await waitFor(() =>
      expect(api.getOverview).toHaveBeenLastCalledWith({
        sort: 'name',
        order: 'asc',
        campaign: 'tier-1-beginner',
        limit: 50,
      }),
    );
    await userEvent.click(
      screen.getByRole('checkbox', { name: 'Not done yet' }),
    );
    await waitFor(() =>
      expect(api.getOverview).toHaveBeenLastCalledWith({
        sort: 'name',
        order: 'asc',
        campaign: 'tier-1-beginner',
        campaignOpen: true,
        limit: 50,
      }),
    );

    // The level filter cannot be combined with a campaign: choosing one clears it.
    // (by id: the table's Maturity column header is a button too)
    await userEvent.click(document.getElementById('overview-level')!);
    await userEvent.click(
      within(await screen.findByRole('listbox')).getByText('Bronze'),
    );
    await waitFor(() =>
      expect(api.getOverview).toHaveBeenLastCalledWith({
        sort: 'name',
        order: 'asc',
        level: 'bronze',
        limit: 50,
      }),
    );
    expect(screen.queryByRole('checkbox', { name: 'Not done yet' })).toBeNull();
  });
});
