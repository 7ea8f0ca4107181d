import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { reliabilityApiRef } from '../../../api';
import { formatDateTime } from '../overviewFormat';
import { GroupSummariesTab, rollUpFreshness } from './GroupSummariesTab';

const response = (by: 'team' | 'system') => ({
  by,
  serviceCount: 3,
  truncated: false,
  groups: [
    {
      entityRef:
        by === 'team' ? 'group:default/payments' : 'system:default/shop',
      serviceCount: 2,
      withSlos: 0.5,
      meetingSlos: null,
      onCallCoverage: 1,
      averageMaturity: 61.6,
      breachingCount: 1,
      worstBudgetRemaining: by === 'team' ? 0.425 : -0.5,
    },
    {
      entityRef: null,
      serviceCount: 1,
      withSlos: 0,
      meetingSlos: null,
      onCallCoverage: 0,
      averageMaturity: null,
      breachingCount: 0,
      worstBudgetRemaining: null,
    },
  ],
});

async function renderTab(getOverviewSummaries: jest.Mock) {
  return renderInTestApp(
    <TestApiProvider
      apis={[[reliabilityApiRef, { getOverviewSummaries } as any]]}
    >
      <GroupSummariesTab />
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

describe('GroupSummariesTab', () => {
  it('shows team roll-ups and switches to systems', async () => {
    const getOverviewSummaries = jest.fn(async (by: 'team' | 'system') =>
      response(by),
    );
    await renderTab(getOverviewSummaries);
    expect(await screen.findByText('payments')).toBeInTheDocument();
    expect(screen.getByText('no owner')).toBeInTheDocument();
    expect(screen.getByText('50%')).toBeInTheDocument();
    expect(screen.getByText('62/100')).toBeInTheDocument();
    expect(screen.getByText('not assessed')).toBeInTheDocument();
    expect(screen.getAllByText('—').length).toBeGreaterThan(0);
    expect(screen.getByText('42.5% left')).toBeInTheDocument();
    expect(screen.getByText('no data')).toBeInTheDocument();
    expect(
      screen.getByText('3 services · computed just now'),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('tab', { name: 'By system' }));
    expect(await screen.findByText('shop')).toBeInTheDocument();
    // the system's own SLOs and its services' rolled up
    expect(screen.getByText('exhausted (50% overspent)')).toBeInTheDocument();
    expect(getOverviewSummaries).toHaveBeenLastCalledWith('system');
  });

  it('pages a roll-up of more than 20 groups, numbers right-aligned, and starts over on switching', async () => {
    const many = (by: 'team' | 'system') => ({
      ...response(by),
      groups: Array.from({ length: 25 }, (_, i) => ({
        ...response(by).groups[0],
        entityRef:
          by === 'team'
            ? `group:default/team-${String(i).padStart(2, '0')}`
            : `system:default/sys-${String(i).padStart(2, '0')}`,
        serviceCount: 25 - i,
      })),
    });
    const getOverviewSummaries = jest.fn(async (by: 'team' | 'system') =>
      many(by),
    );
    await renderTab(getOverviewSummaries);
    expect(await screen.findByText('team-00')).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Teams' });
    expect(within(table).getAllByRole('row')).toHaveLength(1 + 20);
    expect(screen.queryByText('team-20')).not.toBeInTheDocument();
    const servicesCell = within(
      within(table).getAllByRole('row')[1],
    ).getAllByRole('cell')[1];
    expect(servicesCell).toHaveTextContent('25');
    expect(servicesCell).toHaveClass('MuiTableCell-alignRight');
    await userEvent.click(screen.getByRole('button', { name: /next page/i }));
    expect(await screen.findByText('team-24')).toBeInTheDocument();
    expect(within(table).getAllByRole('row')).toHaveLength(1 + 5);
    await userEvent.click(screen.getByRole('tab', { name: 'By system' }));
    expect(await screen.findByText('sys-00')).toBeInTheDocument();
  });

  it('shows an empty state and an error panel', async () => {
    await renderTab(jest.fn(async () => ({ ...response('team'), groups: [] })));
    expect(
      await screen.findByText('No services to summarise'),
    ).toBeInTheDocument();
  });

  it('shows an error panel when the backend fails', async () => {
    await renderTab(
      jest.fn(async () => {
        throw new Error('rollups down');
      }),
    );
    expect((await screen.findAllByText(/rollups down/)).length).toBeGreaterThan(
      0,
    );
  });
});

describe('rollUpFreshness', () => {
  it('says when the stored roll-up was computed, or that it was computed for this request', () => {
    const computedAt = '2026-11-30T10:00:00.000Z';
    expect(rollUpFreshness({ ...response('team'), computedAt })).toBe(
      `3 services · as of ${formatDateTime(computedAt)}`,
    );
    expect(rollUpFreshness({ ...response('team'), serviceCount: 1 })).toBe(
      '1 service · computed just now',
    );
  });
});
