import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { reliabilityApiRef } from '../../../api';
import { mockRunbooksApi, testEntity, testRunbooksResponse } from '../testData';
import { EntityRunbooksContent } from './EntityRunbooksContent';

async function renderTab(api: ReturnType<typeof mockRunbooksApi>, url = '/') {
  return renderInTestApp(
    <TestApiProvider apis={[[reliabilityApiRef, api as any]]}>
      <EntityProvider entity={testEntity}>
        <EntityRunbooksContent />
      </EntityProvider>
    </TestApiProvider>,
    {
      routeEntries: [url],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}

describe('EntityRunbooksContent', () => {
  it('renders the first runbook when none is selected', async () => {
    const api = mockRunbooksApi();
    await renderTab(api);
    expect(
      await screen.findByRole('heading', { name: 'high-error-rate' }),
    ).toBeInTheDocument();
    expect(api.getEntityRunbook).toHaveBeenCalledWith(
      { kind: 'Component', namespace: 'default', name: 'orders-api' },
      'high-error-rate',
    );
    expect(screen.getByRole('link', { name: 'team-orders' })).toHaveAttribute(
      'href',
      '/catalog/default/group/team-orders',
    );
  });

  it('opens the runbook named by ?runbook= and flags it as stale', async () => {
    const api = mockRunbooksApi();
    await renderTab(api, '/?runbook=rollback');
    expect(
      await screen.findByRole('heading', { name: 'rollback' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Steps for', { exact: false })).toBeInTheDocument();
    expect(
      screen.getByText(/This runbook may be out of date/),
    ).toBeInTheDocument();
  });

  it('switches runbooks from the list', async () => {
    const api = mockRunbooksApi();
    await renderTab(api);
    await screen.findByRole('heading', { name: 'high-error-rate' });
    await userEvent.click(screen.getByTestId('runbook-db-failover'));
    const link = await screen.findByText('Open Database failover');
    expect(link.closest('a')).toHaveAttribute(
      'href',
      'https://wiki.example.com/orders/db-failover',
    );
  });

  it('shows why a runbook could not be read', async () => {
    const api = mockRunbooksApi();
    await renderTab(api, '/?runbook=broken');
    expect(
      await screen.findByText(/This runbook could not be read/),
    ).toBeInTheDocument();
  });

  it('shows an error for an unknown deep-linked runbook', async () => {
    const api = mockRunbooksApi({
      getEntityRunbook: async () => {
        throw new Error("Entity has no runbook 'nope'");
      },
    });
    await renderTab(api, '/?runbook=nope');
    expect(
      (await screen.findAllByText(/has no runbook 'nope'/)).length,
    ).toBeGreaterThan(0);
  });

  it('has loading, empty and error states', async () => {
    await renderTab(
      mockRunbooksApi({ getEntityRunbooks: () => new Promise(() => {}) }),
    );
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('shows an empty state without runbooks', async () => {
    await renderTab(
      mockRunbooksApi({
        getEntityRunbooks: async () =>
          testRunbooksResponse({ runbooks: [], total: 0, staleCount: 0 }),
      }),
    );
    expect(await screen.findByText('No runbooks yet')).toBeInTheDocument();
  });

  it('shows an error panel when listing fails', async () => {
    await renderTab(
      mockRunbooksApi({
        getEntityRunbooks: async () => {
          throw new Error('backend unavailable');
        },
      }),
    );
    expect(
      (await screen.findAllByText(/backend unavailable/)).length,
    ).toBeGreaterThan(0);
  });
});
