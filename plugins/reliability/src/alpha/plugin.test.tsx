import { identityApiRef } from '@backstage/core-plugin-api';
import {
  createExtensionTester,
  mockApis,
  renderInTestApp,
  renderTestApp,
} from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { createTestEntityPage } from '@backstage/plugin-catalog-react/testUtils';
import { HomePageWidgetBlueprint } from '@backstage/plugin-home-react/alpha';
import { Entity } from '@backstage/catalog-model';
import { screen } from '@testing-library/react';
import {
  mockReliabilityApi,
  testService,
  testTeam,
} from '../__testUtils__/mockReliabilityApi';
import { testPage, testRow } from '../components/overview/testData';
import { mockPolicyApi } from '../components/policy/testData';
import { reliabilityApiRef } from '../api';
import { reliabilityMyServicesWidget } from './homeWidgets';
import { reliabilityPlugin } from './plugin';

/** An `app.extensions` entry that enables an extension with a filter. */
type ExtensionConfig = {
  [id: string]: {
    disabled: boolean;
    config: { filter: Record<string, string> };
  };
};

/** The app and its lazy extensions take a few seconds to load on a busy machine. */
const WAIT = { timeout: 15_000 };

// The test entity page takes the tabs too: leave them out to look at the cards alone.
const tabIds = [
  'entity-content:reliability/reliability',
  'entity-content:reliability/slos',
  'entity-content:reliability/runbooks',
  'entity-content:reliability/maturity',
  'entity-content:reliability/group-oncall',
  'entity-content:reliability/group-reliability-review',
];

const cardIds = [
  'entity-card:reliability/slo',
  'entity-card:reliability/oncall',
  'entity-card:reliability/runbooks',
  'entity-card:reliability/maturity',
  'entity-card:reliability/group-oncall',
];

function renderEntityOverview(
  entity: Entity,
  enabled: Array<string | ExtensionConfig>,
) {
  const api = mockReliabilityApi();
  renderTestApp({
    features: [reliabilityPlugin],
    extensions: [createTestEntityPage({ entity })],
    apis: [[reliabilityApiRef, api as any]],
    config: {
      app: {
        extensions: [
          ...tabIds.map(id => ({ [id]: false })),
          ...enabled.map(id => (typeof id === 'string' ? { [id]: true } : id)),
        ],
      },
    },
  });
  return api;
}

describe('reliability plugin (new frontend system)', () => {
  it('adds no card to entity pages until the app enables it', async () => {
    renderEntityOverview(testService, []);
    expect(
      await screen.findByTestId('empty-entity-page', {}, WAIT),
    ).toBeInTheDocument();
  });

  it('shows the enabled cards of a service', async () => {
    renderEntityOverview(testService, cardIds);
    expect(
      await screen.findByText('Service level objectives', {}, WAIT),
    ).toBeInTheDocument();
    expect(await screen.findByText('On-call')).toBeInTheDocument();
    expect(
      await screen.findByText('Runbooks, rollback procedures and postmortems'),
    ).toBeInTheDocument();
    expect(await screen.findByText('Reliability maturity')).toBeInTheDocument();
    expect(screen.queryByText('On call now')).not.toBeInTheDocument();
  });

  it('narrows a card to the entities of its configured filter, as the demo app does', async () => {
    const onServices = (id: string, type: string): ExtensionConfig => ({
      [id]: {
        disabled: false,
        config: { filter: { kind: 'component', 'spec.type': type } },
      },
    });
    const api = renderEntityOverview(testService, [
      onServices('entity-card:reliability/slo', 'service'),
      onServices('entity-card:reliability/oncall', 'website'),
    ]);
    expect(
      await screen.findByText('Checkout availability', {}, WAIT),
    ).toBeInTheDocument();
    expect(screen.queryByText('On-call')).not.toBeInTheDocument();
    expect(api.getEntityOnCall).not.toHaveBeenCalled();
  });

  it('shows only the group on-call card on a group', async () => {
    const api = renderEntityOverview(testTeam, cardIds);
    expect(
      await screen.findByText('On call now', {}, WAIT),
    ).toBeInTheDocument();
    expect(
      screen.queryByText('Service level objectives'),
    ).not.toBeInTheDocument();
    expect(api.getEntitySlos).not.toHaveBeenCalled();
  });

  it('adds the Reliability review tab to groups, with the team SLO review report', async () => {
    const api = { ...mockReliabilityApi(), ...mockPolicyApi() };
    renderTestApp({
      features: [reliabilityPlugin],
      extensions: [createTestEntityPage({ entity: testTeam })],
      apis: [[reliabilityApiRef, api as any]],
      config: {
        app: {
          extensions: tabIds
            .filter(
              id =>
                id !== 'entity-content:reliability/group-reliability-review',
            )
            .map(id => ({ [id]: false })),
        },
      },
    });
    expect(
      await screen.findByRole('table', { name: 'Runbooks touched' }, WAIT),
    ).toBeInTheDocument();
    expect(api.getSloReport).toHaveBeenCalledWith({
      owner: 'group:default/payments',
    });
  });

  it('provides the home page widgets by name', async () => {
    const tester = createExtensionTester(reliabilityMyServicesWidget);
    const widget = tester.get(HomePageWidgetBlueprint.dataRefs.widget);
    expect(widget.name).toBe('ReliabilityMyServices');
    expect(widget.title).toBe("My services' reliability");

    const getOverview = jest.fn(async () => testPage([testRow('orders')]));
    renderInTestApp(widget.component, {
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      apis: [
        [reliabilityApiRef, { getOverview } as any],
        [
          identityApiRef,
          mockApis.identity({
            ownershipEntityRefs: ['group:default/payments'],
          }),
        ],
      ],
    });
    expect(await screen.findByText('orders', {}, WAIT)).toBeInTheDocument();
    expect(getOverview).toHaveBeenCalledWith({
      team: 'group:default/payments',
      limit: 100,
    });
  });
});
