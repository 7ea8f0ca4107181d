import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
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

describe('EntitySloContent', () => {
  it('loads the history of each SLO over its window', async () => {
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
    };
    await renderInTestApp(
      <TestApiProvider apis={[[reliabilityApiRef, api as any]]}>
        <EntityProvider entity={entity}>
          <EntitySloContent />
        </EntityProvider>
      </TestApiProvider>,
    );
    expect(
      await screen.findByText('Averaged to 1 points.'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Error budget remaining vs ideal linear burn/),
    ).toBeInTheDocument();
    expect(getSloHistory).toHaveBeenCalledWith(
      { kind: 'Component', namespace: 'default', name: 'checkout' },
      'checkout-availability',
      {
        from: new Date('2026-10-21T12:00:00.000Z'),
        to: new Date('2026-11-20T12:00:00.000Z'),
      },
    );
  });
});
