import { identityApiRef } from '@backstage/core-plugin-api';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { reliabilityApiRef } from '../../../api';
import { testPage, testRow } from '../../overview/testData';
import { MyServicesReliabilityWidget } from './MyServicesReliabilityWidget';

async function renderWidget(
  ownershipEntityRefs: string[],
  getOverview: jest.Mock,
) {
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [
          identityApiRef,
          mockApis.identity({
            userEntityRef: 'user:default/ana.silva',
            ownershipEntityRefs,
          }),
        ],
        [reliabilityApiRef, { getOverview } as any],
      ]}
    >
      <MyServicesReliabilityWidget />
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

describe('MyServicesReliabilityWidget', () => {
  it('lists the services of every owner ref, worst first, with budget, alert and maturity', async () => {
    const checkout = testRow('checkout', {
      maturity: { level: 'gold', score: 91 },
    });
    const getOverview = jest.fn(async ({ team }: { team: string }) =>
      team === 'group:default/payments'
        ? testPage([
            checkout,
            testRow('ledger', {
              slo: {
                sloCount: 1,
                worstBudgetRemaining: -0.2,
                alerting: 'page',
                slosMeetingTarget: 0,
                stale: false,
              },
              maturity: null,
            }),
          ])
        : testPage([checkout]),
    );
    await renderWidget(
      ['user:default/ana.silva', 'group:default/payments'],
      getOverview,
    );
    const ledger = (await screen.findByText('ledger')).closest('tr')!;
    expect(getOverview).toHaveBeenCalledWith({
      team: 'user:default/ana.silva',
      limit: 100,
    });
    expect(getOverview).toHaveBeenCalledWith({
      team: 'group:default/payments',
      limit: 100,
    });
    expect(within(ledger).getByText('Breaching')).toBeInTheDocument();
    expect(within(ledger).getByText('-20%')).toBeInTheDocument();
    expect(within(ledger).getByText('page')).toBeInTheDocument();
    expect(within(ledger).getByText('not assessed')).toBeInTheDocument();
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(within(rows[0]).getByText('ledger')).toBeInTheDocument();
    const second = within(rows[1]);
    expect(second.getByText('42%')).toBeInTheDocument();
    expect(second.getByText('none')).toBeInTheDocument();
    expect(second.getByText('Gold')).toBeInTheDocument();
  });

  it('says so when the user owns no services', async () => {
    await renderWidget(
      ['user:default/ana.silva'],
      jest.fn(async () => testPage([])),
    );
    expect(await screen.findByText('You own no services')).toBeInTheDocument();
  });

  it('shows an error panel when the backend fails', async () => {
    await renderWidget(
      ['user:default/ana.silva'],
      jest.fn(async () => {
        throw new Error('backend unavailable');
      }),
    );
    expect(
      (await screen.findAllByText(/backend unavailable/)).length,
    ).toBeGreaterThan(0);
  });
});
