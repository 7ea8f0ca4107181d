import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { reliabilityApiRef } from '../../../api';
import { mockAlertsApi, testCoverage } from '../testData';
import { AlertsCoverageTab } from './AlertsCoverageTab';

async function renderTab(api: ReturnType<typeof mockAlertsApi>) {
  return renderInTestApp(
    <TestApiProvider apis={[[reliabilityApiRef, api as any]]}>
      <AlertsCoverageTab />
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

describe('AlertsCoverageTab', () => {
  it('shows progress while loading', async () => {
    await renderTab(
      mockAlertsApi({ getAlertsCoverage: () => new Promise(() => {}) }),
    );
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('shows the error when the backend fails', async () => {
    await renderTab(
      mockAlertsApi({
        getAlertsCoverage: async () => {
          throw new Error('coverage unavailable');
        },
      }),
    );
    expect(
      (await screen.findAllByText(/coverage unavailable/)).length,
    ).toBeGreaterThan(0);
  });

  it('says so when no alert was read yet', async () => {
    await renderTab(
      mockAlertsApi({
        getAlertsCoverage: async () =>
          testCoverage({ owner: null, entities: [], gaps: [], noisy: [] }),
      }),
    );
    expect(
      await screen.findByText('No alerts or monitors yet'),
    ).toBeInTheDocument();
  });

  it("lists the organisation's gaps, alerts no entity owns included", async () => {
    const api = mockAlertsApi({
      getAlertsCoverage: jest.fn(async () =>
        testCoverage({
          owner: null,
          gaps: [
            {
              kind: 'unowned-alert',
              entityRef: null,
              message: "No catalog entity owns the prometheus alert 'DiskFull'",
              alert: {
                source: 'prometheus',
                id: 'node/DiskFull',
                name: 'DiskFull',
              },
            },
          ],
        }),
      ),
    });
    await renderTab(api);
    const gaps = await screen.findByRole('table', { name: 'Monitoring gaps' });
    expect(within(gaps).getByText('Unowned alert')).toBeInTheDocument();
    expect(within(gaps).getByText('DiskFull (prometheus)')).toBeInTheDocument();
    expect(api.getAlertsCoverage).toHaveBeenCalledWith();
  });
});
