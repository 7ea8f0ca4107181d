import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { EntitySlosResponse } from '@internal/backstage-plugin-reliability-common';
import { screen } from '@testing-library/react';
import { reliabilityApiRef } from '../../../api';
import { checkoutSlo, healthyStatus } from '../testData';
import { EntitySloCard } from './EntitySloCard';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout', namespace: 'default' },
  spec: { type: 'service' },
};

function renderCard(getEntitySlos: () => Promise<EntitySlosResponse>) {
  return renderInTestApp(
    <TestApiProvider apis={[[reliabilityApiRef, { getEntitySlos } as any]]}>
      <EntityProvider entity={entity}>
        <EntitySloCard />
      </EntityProvider>
    </TestApiProvider>,
  );
}

const response = (
  overrides: Partial<EntitySlosResponse>,
): EntitySlosResponse => ({
  entityRef: 'component:default/checkout',
  definitionErrors: [],
  slos: [checkoutSlo()],
  ...overrides,
});

describe('EntitySloCard', () => {
  it('shows target, attainment, budget, burn rate, alert state, runbook and data source', async () => {
    await renderCard(async () => response({}));
    expect(
      await screen.findByText('Checkout availability'),
    ).toBeInTheDocument();
    expect(screen.getByText(/99\.9% · rolling 30d/)).toBeInTheDocument();
    expect(screen.getByText('99.95%')).toBeInTheDocument();
    expect(screen.getByText('Error budget: 50% left')).toBeInTheDocument();
    expect(screen.getByText('0.4×')).toBeInTheDocument();
    expect(screen.getByText('No alert')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /^Runbook/ })).toHaveAttribute(
      'href',
      'https://wiki.example/runbooks/checkout',
    );
    expect(screen.getByText('Data: embedded (demo data)')).toBeInTheDocument();
  });

  it('shows a paging SLO with an exhausted budget', async () => {
    await renderCard(async () =>
      response({
        slos: [
          checkoutSlo({
            ...healthyStatus,
            attainment: 0.99,
            budgetRemaining: -9,
            burnRate: 20,
            alertState: 'page',
            timeToExhaustionSeconds: 0,
          }),
        ],
      }),
    );
    expect(await screen.findByText('Paging')).toBeInTheDocument();
    expect(
      screen.getByText('Error budget: exhausted (900% overspent)'),
    ).toBeInTheDocument();
    expect(screen.getByText('20×')).toBeInTheDocument();
  });

  it('shows stale data with the provider error', async () => {
    await renderCard(async () =>
      response({
        slos: [
          checkoutSlo({
            ...healthyStatus,
            stale: true,
            error: 'connection refused',
          }),
        ],
      }),
    );
    expect(await screen.findByText('No alert (stale)')).toBeInTheDocument();
    expect(screen.getByText(/Stale: showing data from/)).toHaveTextContent(
      'connection refused',
    );
    expect(screen.getByText(/Some SLI data is stale/)).toBeInTheDocument();
  });

  it('shows "no data" rather than NaN when a provider is not configured', async () => {
    await renderCard(async () =>
      response({
        slos: [
          checkoutSlo({
            ...healthyStatus,
            good: null,
            total: null,
            attainment: null,
            budgetRemaining: null,
            burnRate: null,
            timeToExhaustionSeconds: null,
            alertState: 'unknown',
            stale: true,
            error: "No SLI provider for metric source type 'prometheus'",
          }),
        ],
      }),
    );
    expect(
      await screen.findByText(/No data: No SLI provider/),
    ).toBeInTheDocument();
    expect(screen.getByText('Error budget: no data')).toBeInTheDocument();
    expect(screen.queryByText(/NaN|Infinity/)).not.toBeInTheDocument();
  });

  it('shows definition errors as a warning', async () => {
    await renderCard(async () =>
      response({
        slos: [],
        definitionErrors: [
          {
            source: 'inline',
            path: 'spec.objectives.0.target',
            message: 'must be at most 1',
          },
        ],
      }),
    );
    expect(
      await screen.findByText(/1 problem in the SLO definitions/),
    ).toBeInTheDocument();
  });

  it('shows an empty state without SLOs', async () => {
    await renderCard(async () => response({ slos: [] }));
    expect(await screen.findByText('No SLOs defined')).toBeInTheDocument();
  });

  it('shows loading and then errors', async () => {
    await renderCard(() => Promise.reject(new Error('backend down')));
    expect((await screen.findAllByText(/backend down/)).length).toBeGreaterThan(
      0,
    );
  });
});
