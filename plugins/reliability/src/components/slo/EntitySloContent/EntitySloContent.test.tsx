import { Entity } from '@backstage/catalog-model';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { SloBurndownResponse } from '@internal/backstage-plugin-reliability-common';
import { screen } from '@testing-library/react';
import { reliabilityApiRef } from '../../../api';
import { checkoutSlo } from '../testData';
import { EntitySloContent } from './EntitySloContent';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout', namespace: 'default' },
  spec: { type: 'service' },
};

// recharts' ResponsiveContainer observes its size; jsdom has no ResizeObserver.
beforeAll(() => {
  (globalThis as any).ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});

const burndown = (
  overrides: Partial<SloBurndownResponse> = {},
): SloBurndownResponse => ({
  entityRef: 'component:default/checkout',
  sloName: 'checkout-availability',
  target: 0.999,
  windowStart: '2026-10-21T12:00:00.000Z',
  windowEnd: '2026-11-20T12:00:00.000Z',
  computedAt: '2026-11-20T12:00:00.000Z',
  good: 999_500,
  total: 1_000_000,
  points: [
    { at: '2026-10-21T12:00:00.000Z', budgetRemaining: 1, ideal: 1 },
    { at: '2026-11-20T12:00:00.000Z', budgetRemaining: 0.5, ideal: 0 },
  ],
  stale: false,
  error: null,
  dataSource: 'embedded (demo data)',
  ...overrides,
});

function renderContent(getSloBurndown: jest.Mock) {
  const getSloHistory = jest.fn(async () => ({
    entityRef: 'component:default/checkout',
    sloName: 'checkout-availability',
    from: '2026-10-21T12:00:00.000Z',
    to: '2026-11-20T12:00:00.000Z',
    downsampled: true,
    points: [
      {
        at: '2026-11-20T12:00:00.000Z',
        windowStart: '2026-10-21T12:00:00.000Z',
        windowEnd: '2026-11-20T12:00:00.000Z',
        attainment: 0.9995,
        budgetRemaining: 0.5,
        burnRates: { '1h': 0.4 },
        alertState: 'ok' as const,
        stale: false,
      },
    ],
  }));
  const api = {
    getEntitySlos: async () => ({
      entityRef: 'component:default/checkout',
      definitionErrors: [],
      slos: [checkoutSlo()],
    }),
    getSloHistory,
    getSloBurndown,
    getEntityRunbooks: async () => {
      throw new Error('no runbooks');
    },
  };
  return {
    getSloHistory,
    rendered: renderInTestApp(
      <TestApiProvider apis={[[reliabilityApiRef, api as any]]}>
        <EntityProvider entity={entity}>
          <EntitySloContent />
        </EntityProvider>
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    ),
  };
}

describe('EntitySloContent', () => {
  it('shows the burn-down of the current window and the burn-rate history', async () => {
    const getSloBurndown = jest.fn(async () => burndown());
    const { getSloHistory, rendered } = renderContent(getSloBurndown);
    await rendered;
    expect(
      await screen.findByText(/Error budget remaining vs ideal linear burn/),
    ).toBeInTheDocument();
    expect(screen.getByText(/^Now: 50% left/)).toBeInTheDocument();
    expect(
      await screen.findByText('Averaged to 1 points.'),
    ).toBeInTheDocument();
    expect(screen.getByText(/Burn rate history/)).toBeInTheDocument();
    expect(getSloBurndown).toHaveBeenCalledWith(
      { kind: 'Component', namespace: 'default', name: 'checkout' },
      'checkout-availability',
    );
    expect(getSloHistory).toHaveBeenCalledWith(
      { kind: 'Component', namespace: 'default', name: 'checkout' },
      'checkout-availability',
      {
        from: new Date('2026-10-21T12:00:00.000Z'),
        to: new Date('2026-11-20T12:00:00.000Z'),
      },
    );
  });

  it('says when the window saw no traffic, never NaN', async () => {
    const { rendered } = renderContent(
      jest.fn(async () =>
        burndown({
          good: 0,
          total: 0,
          points: [
            { at: '2026-10-21T12:00:00.000Z', budgetRemaining: null, ideal: 1 },
            { at: '2026-11-20T12:00:00.000Z', budgetRemaining: null, ideal: 0 },
          ],
        }),
      ),
    );
    await rendered;
    expect(
      await screen.findByText('No traffic in this window'),
    ).toBeInTheDocument();
    expect(screen.queryByText(/NaN|Infinity/)).not.toBeInTheDocument();
  });

  it('shows a provider failure and stale burn-downs', async () => {
    const { rendered } = renderContent(
      jest.fn(async () =>
        burndown({
          points: [],
          good: null,
          total: null,
          stale: true,
          error: 'prometheus timed out',
        }),
      ),
    );
    await rendered;
    expect(
      await screen.findByText(/The SLI provider did not answer/),
    ).toBeInTheDocument();
  });

  it('shows errors of the burn-down request', async () => {
    const { rendered } = renderContent(
      jest.fn(() => Promise.reject(new Error('backend exploded'))),
    );
    await rendered;
    expect(
      (await screen.findAllByText(/backend exploded/)).length,
    ).toBeGreaterThan(0);
  });
});
