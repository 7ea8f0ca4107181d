import { Entity } from '@backstage/catalog-model';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import {
  EntityRunbooksResponse,
  EntitySlosResponse,
  RunbookEntry,
} from '@internal/backstage-plugin-reliability-common';
import { screen } from '@testing-library/react';
import { reliabilityApiRef } from '../../../api';
import { testRunbook } from '../../runbooks/testData';
import { checkoutDefinition, checkoutSlo, healthyStatus } from '../testData';
import { EntitySloCard } from './EntitySloCard';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout', namespace: 'default' },
  spec: { type: 'service' },
};

function runbooksResponse(runbooks: RunbookEntry[]): EntityRunbooksResponse {
  return {
    entityRef: 'component:default/checkout',
    runbooks,
    total: runbooks.length,
    query: null,
    staleCount: 0,
    staleAfterDays: 180,
    coverage: {
      ratio: null,
      alertCount: 0,
      alertsWithRunbook: 0,
      alerts: [],
      error: null,
    },
    generatedAt: '2026-11-20T12:00:00.000Z',
  };
}

function renderCard(
  getEntitySlos: () => Promise<EntitySlosResponse>,
  getEntityRunbooks: () => Promise<EntityRunbooksResponse> = async () =>
    runbooksResponse([]),
) {
  return renderInTestApp(
    <TestApiProvider
      apis={[[reliabilityApiRef, { getEntitySlos, getEntityRunbooks } as any]]}
    >
      <EntityProvider entity={entity}>
        <EntitySloCard />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
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
    expect(
      await screen.findByRole('link', { name: /^Runbook \(wiki\.example\)/ }),
    ).toHaveAttribute('href', 'https://wiki.example/runbooks/checkout');
    expect(screen.getByText('Data: embedded (demo data)')).toBeInTheDocument();
  });

  it('links each SLO and alert policy to the runbooks answering it, as runbook coverage does', async () => {
    const definition = {
      ...checkoutDefinition,
      runbook: undefined,
      alertPolicies: [
        {
          name: 'checkout-fast-burn',
          displayName: 'Fast burn',
          conditions: [],
        },
        { name: 'checkout-slow-burn', conditions: [] },
        { name: 'checkout-other', conditions: [], runbook: 'missing' },
      ],
    };
    await renderCard(
      async () => response({ slos: [{ definition, status: healthyStatus }] }),
      async () =>
        runbooksResponse([
          testRunbook({
            id: 'checkout-slow',
            title: 'Checkout is slow',
            answers: ['Checkout-Fast-Burn'],
          }),
          testRunbook({
            id: 'error-spike',
            title: 'Error spike',
            source: 'link',
            url: 'https://wiki.example/errors',
            answers: ['checkout-availability'],
          }),
        ]),
    );
    const links = await screen.findByTestId(
      'slo-runbooks-checkout-availability',
    );
    const lines = [...links.children].map(line =>
      line.textContent?.replace(/, Opens in a new window/g, ''),
    );
    expect(lines).toEqual([
      'Runbook: Error spike',
      'Alert Fast burn: Checkout is slow, Error spike',
      'Alert checkout-slow-burn: Error spike',
      "Alert checkout-other: no runbook (No runbook with id 'missing')",
    ]);
    expect(
      screen.getAllByRole('link', { name: 'Checkout is slow' })[0],
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/checkout/runbooks?runbook=checkout-slow',
    );
    expect(
      screen.getAllByRole('link', { name: /^Error spike/ })[0],
    ).toHaveAttribute('href', 'https://wiki.example/errors');
    expect(screen.queryByText('No runbook linked')).not.toBeInTheDocument();
  });

  it('says so when nothing answers an SLO', async () => {
    await renderCard(async () =>
      response({
        slos: [
          {
            definition: { ...checkoutDefinition, runbook: undefined },
            status: healthyStatus,
          },
        ],
      }),
    );
    expect(await screen.findByText('No runbook linked')).toBeInTheDocument();
  });

  it('links URL runbooks even when the runbooks cannot be loaded', async () => {
    await renderCard(
      async () => response({}),
      () => Promise.reject(new Error('runbooks down')),
    );
    expect(
      await screen.findByText(/Could not load the entity's runbooks/),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /^Runbook \(wiki\.example\)/ }),
    ).toHaveAttribute('href', 'https://wiki.example/runbooks/checkout');
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

  it('shows which alert thresholds apply and why', async () => {
    await renderCard(async () =>
      response({
        slos: [
          {
            definition: {
              ...checkoutDefinition,
              window: {
                kind: 'rolling',
                durationSeconds: 7 * 86400,
                label: '7d',
              },
            },
            status: healthyStatus,
          },
        ],
      }),
    );
    expect(
      await screen.findByText(/Default alerts for a rolling 7d window/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'page-fast-burn (page, 1h and 5m): 2% of a 7-day budget in 1h = 3.36×',
      ),
    ).toBeInTheDocument();
  });

  it('says "exhausted" for a 100% target after a bad event, and never NaN or Infinity', async () => {
    await renderCard(async () =>
      response({
        slos: [
          checkoutSlo({
            ...healthyStatus,
            target: 1,
            good: 999,
            total: 1000,
            attainment: 0.999,
            budgetRemaining: 0,
            burnRate: null,
            burnRates: [
              {
                label: '1h',
                windowSeconds: 3600,
                burnRate: null,
                unboundedBurn: true,
              },
            ],
            alertState: 'page',
            alerts: [
              {
                name: 'page-fast-burn',
                severity: 'page',
                burnRateThreshold: 14.4,
                longWindowSeconds: 3600,
                shortWindowSeconds: 300,
                firing: true,
                longBurnRate: null,
                shortBurnRate: null,
                unboundedBurn: true,
              },
            ],
            timeToExhaustionSeconds: 0,
          }),
        ],
      }),
    );
    expect(
      await screen.findByText(/^Error budget: exhausted \(100% target/),
    ).toBeInTheDocument();
    expect(screen.getByText(/unbounded burn/)).toBeInTheDocument();
    // the 1h burn rate of a zero budget that saw bad events
    expect(screen.getByText('unbounded')).toBeInTheDocument();
    expect(screen.getByText('Paging')).toBeInTheDocument();
    expect(screen.queryByText(/NaN|Infinity/)).not.toBeInTheDocument();
  });

  it('rounds attainment down: 99.9986% does not show as a met 99.999%', async () => {
    await renderCard(async () =>
      response({
        slos: [
          checkoutSlo({
            ...healthyStatus,
            target: 0.99999,
            good: 999_986,
            total: 1_000_000,
            attainment: 0.999986,
          }),
        ],
      }),
    );
    expect(await screen.findByText('99.998%')).toBeInTheDocument();
    expect(screen.queryByText('99.999%')).not.toBeInTheDocument();
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

  it('says when SLO collection is behind, above the figures it still shows', async () => {
    await renderCard(async () =>
      response({
        collectionOverdue: { checkedAt: '2026-11-20T06:00:00.000Z' },
      }),
    );
    expect(
      await screen.findByText(/SLO collection is behind/),
    ).toHaveTextContent('may be out of date');
    expect(screen.getByText('Checkout availability')).toBeInTheDocument();
  });

  it('says nothing of collection when it is on time', async () => {
    await renderCard(async () => response({}));
    expect(
      await screen.findByText('Checkout availability'),
    ).toBeInTheDocument();
    expect(
      screen.queryByText(/SLO collection is behind/),
    ).not.toBeInTheDocument();
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
