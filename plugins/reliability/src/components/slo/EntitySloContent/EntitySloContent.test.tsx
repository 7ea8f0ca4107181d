import { Entity } from '@backstage/catalog-model';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import {
  EntityIncidentsResponse,
  SloBurndownResponse,
} from '@internal/backstage-plugin-reliability-common';
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

const incidentsOf = (
  incidents: EntityIncidentsResponse['incidents'],
): EntityIncidentsResponse => ({
  entityRef: 'component:default/checkout',
  windowDays: 90,
  incidents,
  bySeverity: [],
  sources: [],
  postmortemPolicy: { severity: 'sev2', businessDays: 5, timeZone: 'UTC' },
  generatedAt: '2026-11-20T12:00:00.000Z',
});

function renderContent(
  getSloBurndown: jest.Mock,
  getEntityIncidents: jest.Mock = jest.fn(async () => incidentsOf([])),
) {
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
    getEntityIncidents,
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

  it('names the incidents of the window beside the burn-down, and only those', async () => {
    const view = (
      id: string,
      startedAt: string,
      resolvedAt: string | null,
    ) => ({
      id,
      source: 'embedded',
      title: `Incident ${id}`,
      severity: 'sev1' as const,
      status: resolvedAt ? ('resolved' as const) : ('acknowledged' as const),
      startedAt,
      acknowledgedAt: null,
      resolvedAt,
      url: null,
      timeToAcknowledgeSeconds: null,
      timeToResolveSeconds: null,
      durationSeconds: 0,
      postmortem: { state: 'written' as const, dueAt: null, documents: [] },
    });
    const getEntityIncidents = jest.fn(async () =>
      incidentsOf([
        view('PSP-1', '2026-11-10T10:00:00.000Z', '2026-11-10T11:35:00.000Z'),
        view('OLD-1', '2026-09-01T10:00:00.000Z', '2026-09-01T11:00:00.000Z'),
      ]),
    );
    const { rendered } = renderContent(
      jest.fn(async () => burndown()),
      getEntityIncidents,
    );
    await rendered;
    const caption = await screen.findByTestId('burndown-incidents');
    expect(caption).toHaveTextContent(
      /SEV-1 Incident PSP-1 \(.+, 1 h 35 min\)/,
    );
    expect(caption).not.toHaveTextContent('OLD-1');
    expect(getEntityIncidents).toHaveBeenCalledTimes(1);
  });

  it('keeps the burn-down when the incidents cannot be loaded, saying so', async () => {
    const { rendered } = renderContent(
      jest.fn(async () => burndown()),
      jest.fn(() => Promise.reject(new Error('incidents unavailable'))),
    );
    await rendered;
    expect(
      await screen.findByText(
        /Incidents could not be loaded: incidents unavailable/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByText(/^Now: 50% left/)).toBeInTheDocument();
  });
});
