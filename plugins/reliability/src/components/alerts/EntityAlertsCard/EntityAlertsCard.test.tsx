import { screen, within } from '@testing-library/react';
import { mockAlertsApi, testAlerts, testEntity } from '../testData';
import { EntityAlertsCard } from './EntityAlertsCard';
import { renderWithEntity } from '../../../__testUtils__/renderWithEntity';

async function renderCard(api: ReturnType<typeof mockAlertsApi>) {
  return renderWithEntity(testEntity, <EntityAlertsCard />, api);
}

const RUNBOOKS_TAB = '/catalog/default/component/checkout-api/runbooks';

describe('EntityAlertsCard', () => {
  it('shows progress while loading', async () => {
    await renderCard(
      mockAlertsApi({ getEntityAlerts: () => new Promise(() => {}) }),
    );
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('shows an error panel when the API fails', async () => {
    await renderCard(
      mockAlertsApi({
        getEntityAlerts: async () => {
          throw new Error('backend unavailable');
        },
      }),
    );
    expect(
      (await screen.findAllByText(/backend unavailable/)).length,
    ).toBeGreaterThan(0);
  });

  it('lists the alerts with state, paging, runbook, firings and noise, and the coverage', async () => {
    await renderCard(mockAlertsApi());
    expect(
      await screen.findByText(
        'Alerts and monitors from prometheus, embedded (demo data) · firings over the last 30 days',
      ),
    ).toBeInTheDocument();
    expect(screen.getByTestId('alert-counts')).toHaveTextContent(
      '4 alerts, 3 paging, 1 firing · runbook coverage 67% (2 of 3 paging alerts) · 1 noisy',
    );
    expect(
      screen.getByText(
        /Noisy: fired at least 5 times in 30 days, 80% of them resolved within 15 min/,
      ),
    ).toBeInTheDocument();

    const noisy = screen.getByTestId('alert-redis/CartCacheMemoryHigh');
    expect(
      within(noisy).getByText(/CartCacheMemoryHigh · noisy/),
    ).toBeInTheDocument();
    // A non-http(s) alert link is not rendered as a link; a paging alert without runbook says so.
    expect(within(noisy).queryByRole('link')).toBeNull();
    expect(within(noisy).getByText('Firing')).toBeInTheDocument();
    expect(within(noisy).getByText('None')).toBeInTheDocument();
    expect(within(noisy).getByText('40')).toBeInTheDocument();
    expect(within(noisy).getByText('4 min')).toBeInTheDocument();

    const errors = screen.getByTestId('alert-checkout/CheckoutHighErrors');
    expect(
      within(errors).getByRole('link', { name: /^CheckoutHighErrors/ }),
    ).toHaveAttribute(
      'href',
      'https://prometheus.example.com/alerts?search=CheckoutHighErrors',
    );
    expect(
      within(errors).getByRole('link', { name: /^Runbook/ }),
    ).toHaveAttribute('href', 'https://wiki.example.com/runbooks/errors');
    expect(within(errors).getByText('42 min')).toBeInTheDocument();

    // The entity's own runbook opens in the Runbooks tab.
    const burn = screen.getByTestId('alert-slo/checkout-api-latency-fast-burn');
    expect(
      within(burn).getByRole('link', { name: 'Checkout is slow' }),
    ).toHaveAttribute('href', `${RUNBOOKS_TAB}?runbook=checkout-slow`);
    expect(within(burn).getByText(/· SLO/)).toBeInTheDocument();

    const ticket = screen.getByTestId('alert-k8s/CrashLooping');
    expect(ticket).toHaveTextContent(/CrashLooping.*· stale/);
    expect(within(ticket).getByText('No')).toBeInTheDocument();
  });

  it('names a source that could not be read and shows the gaps', async () => {
    await renderCard(
      mockAlertsApi({
        getEntityAlerts: async () =>
          testAlerts({
            gaps: [
              {
                kind: 'unmonitored-resource',
                entityRef: 'resource:default/payment-events-topic',
                message: 'No monitor, yet 2 tier-1 services depend on it',
                dependents: [
                  'component:default/payments',
                  'component:default/psp-adapter',
                ],
              },
            ],
          }),
      }),
    );
    expect(
      await screen.findByText(
        /Alerts from prometheus could not be read; showing those read before \(stale\)/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/No monitor, yet 2 tier-1 services depend on it/),
    ).toBeInTheDocument();
  });

  it('explains where alerts come from when there are none', async () => {
    await renderCard(
      mockAlertsApi({
        getEntityAlerts: async () =>
          testAlerts({
            alerts: [],
            noisy: [],
            sources: [],
            stale: false,
            coverage: { pagingAlerts: 0, pagingWithRunbook: 0, ratio: null },
          }),
      }),
    );
    expect(
      await screen.findByText('No alerts or monitors for this entity'),
    ).toBeInTheDocument();
  });
});
