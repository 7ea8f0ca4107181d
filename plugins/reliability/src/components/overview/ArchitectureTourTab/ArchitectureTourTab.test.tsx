import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { reliabilityApiRef } from '../../../api';
import { testMyLearningPaths } from '../../learning/testData';
import { testDomainTour, testTour } from '../testData';
import { ArchitectureTourTab } from './ArchitectureTourTab';
import { ReadingPath } from './ReadingPath';

// DependencyGraph lays out with SVG measurements jsdom does not have; the map itself is exercised in the app
// (packages/app/e2e-tests/tour.test.ts). The stand-in lists the drawn nodes and offers their Expand action.
jest.mock('./TourMap', () => ({
  TourMap: (props: {
    nodes: Array<{
      entityRef: string;
      state: string;
      collapsed: boolean;
      journeySteps: number[];
    }>;
    actions: { toggleSystem: (ref: string) => void };
  }) => (
    <ul aria-label="map">
      {props.nodes.map(node => (
        <li key={node.entityRef}>
          {`${node.entityRef} ${node.state}${
            node.journeySteps.length ? ` steps ${node.journeySteps}` : ''
          }`}
          {node.collapsed && (
            <button onClick={() => props.actions.toggleSystem(node.entityRef)}>
              {`Expand ${node.entityRef}`}
            </button>
          )}
        </li>
      ))}
    </ul>
  ),
}));

const shop = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'System',
  metadata: { name: 'shop', namespace: 'default', title: 'Shop' },
};
const commerce = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Domain',
  metadata: { name: 'commerce', namespace: 'default' },
};

async function renderTab(
  api: Record<string, jest.Mock>,
  entities = [shop, commerce],
) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [reliabilityApiRef, api as any],
        [catalogApiRef, catalogApiMock({ entities })],
      ]}
    >
      <ArchitectureTourTab />
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

async function pick(label: string) {
  fireEvent.mouseDown(
    screen.getByRole('button', { name: /Domain or system/i }),
  );
  fireEvent.click(within(await screen.findByRole('listbox')).getByText(label));
}

function mockApi(overrides: Record<string, jest.Mock> = {}) {
  return {
    getSystemTour: jest.fn(async () => testTour),
    getDomainTour: jest.fn(async () => testTour),
    // The user's teams have no learning path: the tour shows no learning path card.
    getMyLearningPaths: jest.fn(async () => testMyLearningPaths({ paths: [] })),
    ...overrides,
  };
}

describe('ArchitectureTourTab', () => {
  beforeEach(() => window.history.replaceState(null, '', '/'));

  it('opens on the first domain, with its map, legend and reading path', async () => {
    const api = mockApi();
    await renderTab(api);
    expect(
      await screen.findByText('Everything customers buy through'),
    ).toBeInTheDocument();
    expect(api.getDomainTour).toHaveBeenCalledWith({
      kind: 'domain',
      namespace: 'default',
      name: 'commerce',
    });
    expect(screen.getByText('Map of Shop')).toBeInTheDocument();
    expect(screen.getByLabelText('map')).toHaveTextContent(
      'component:default/orders breaching',
    );
    const legend = screen.getByRole('list', { name: 'Map legend' });
    for (const label of ['OK', 'At risk', 'Breaching', 'No SLO data']) {
      expect(within(legend).getByText(label)).toBeInTheDocument();
    }
    expect(screen.getByText(/3 entities depend on it/)).toBeInTheDocument();
  });

  it('opens on the system named by ?entity= and keeps the address in step with the pick', async () => {
    window.history.replaceState(null, '', '/?entity=System:default/Shop');
    const api = mockApi();
    await renderTab(api);
    await screen.findByText('Everything customers buy through');
    expect(api.getSystemTour).toHaveBeenCalledWith({
      kind: 'system',
      namespace: 'default',
      name: 'shop',
    });
    expect(api.getDomainTour).not.toHaveBeenCalled();
    await pick('commerce');
    await waitFor(() =>
      expect(api.getDomainTour).toHaveBeenCalledWith({
        kind: 'domain',
        namespace: 'default',
        name: 'commerce',
      }),
    );
    expect(new URLSearchParams(window.location.search).get('entity')).toBe(
      'domain:default/commerce',
    );
  });

  it('says so when ?entity= names nothing in the catalog, and shows the default', async () => {
    window.history.replaceState(null, '', '/?entity=system:default/gone');
    const api = mockApi();
    await renderTab(api);
    expect(
      await screen.findByText(/No domain or system "system:default\/gone"/),
    ).toBeInTheDocument();
    await waitFor(() => expect(api.getDomainTour).toHaveBeenCalled());
  });

  it('opens on the first system when there are no domains', async () => {
    const api = mockApi();
    await renderTab(api, [shop]);
    await screen.findByText('Everything customers buy through');
    expect(api.getSystemTour).toHaveBeenCalled();
  });

  it('shows an error panel when the tour fails', async () => {
    await renderTab(
      mockApi({
        getDomainTour: jest.fn(async () => {
          throw new Error('tour unavailable');
        }),
      }),
    );
    expect(
      (await screen.findAllByText(/tour unavailable/)).length,
    ).toBeGreaterThan(0);
  });

  it('starts a domain at its systems, expands one into its services and collapses it again', async () => {
    await renderTab(
      mockApi({ getDomainTour: jest.fn(async () => testDomainTour) }),
    );
    const map = await screen.findByLabelText('map');
    expect(map).toHaveTextContent('system:default/shop at-risk');
    expect(map).not.toHaveTextContent('component:default/web');
    fireEvent.click(
      within(map).getByRole('button', { name: 'Expand system:default/shop' }),
    );
    expect(screen.getByLabelText('map')).toHaveTextContent(
      'component:default/web unknown',
    );
    expect(screen.getByLabelText('map')).not.toHaveTextContent(
      'system:default/shop',
    );
    const toolbar = screen.getByRole('toolbar', { name: 'Map systems' });
    expect(
      within(toolbar).getByRole('button', { name: 'Collapse Shop' }),
    ).toBeInTheDocument();
    fireEvent.click(
      within(toolbar).getByRole('button', { name: 'Collapse all' }),
    );
    expect(screen.getByLabelText('map')).toHaveTextContent(
      'system:default/shop at-risk',
    );
  });

  it('walks a journey step by step, highlighted on the map, with its SLO and each step’s on-call and runbooks', async () => {
    await renderTab(
      mockApi({ getDomainTour: jest.fn(async () => testDomainTour) }),
    );
    await screen.findByLabelText('map');
    expect(screen.getByText(/1 journey file problem/)).toBeInTheDocument();
    fireEvent.mouseDown(screen.getByRole('button', { name: /^Journey/ }));
    fireEvent.click(
      within(await screen.findByRole('listbox')).getByText('A shopper pays'),
    );
    // both steps are in the collapsed shop system
    expect(screen.getByLabelText('map')).toHaveTextContent(
      'system:default/shop at-risk steps 1,2',
    );
    const slo = screen.getByLabelText('Journey SLO');
    expect(within(slo).getByText('Checkout completes')).toBeInTheDocument();
    expect(slo).toHaveTextContent('left: 64%');
    expect(slo).toHaveTextContent('Attainment: 99.82%');
    expect(screen.getByText('The shopper presses Pay.')).toBeInTheDocument();
    expect(screen.getByText(/Grace Hopper/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Next step' }));
    expect(
      await screen.findByText('The order is created.'),
    ).toBeInTheDocument();
    expect(screen.getByText(/Ada Lovelace/)).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Duplicate orders' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/orders/runbooks?runbook=dupes',
    );
    expect(screen.getByText(/Order creation:/)).toBeInTheDocument();
    // expanding the journey's systems shows the steps on their own nodes
    fireEvent.click(
      screen.getByRole('button', { name: "Expand the journey's systems" }),
    );
    expect(screen.getByLabelText('map')).toHaveTextContent(
      'component:default/orders at-risk steps 2',
    );
  });

  it("shows the user's learning path below the map and opens the journey a path links to (?journey=)", async () => {
    window.history.replaceState(
      null,
      '',
      '/?entity=domain:default/commerce&journey=pay',
    );
    await renderTab(
      mockApi({
        getDomainTour: jest.fn(async () => testDomainTour),
        getMyLearningPaths: jest.fn(async () => testMyLearningPaths()),
      }),
    );
    expect(await screen.findByText('Your learning path')).toBeInTheDocument();
    expect(await screen.findByText('SRE onboarding')).toBeInTheDocument();
    // The journey named in the address is walked straight away.
    expect(screen.getByLabelText('map')).toHaveTextContent(
      'system:default/shop at-risk steps 1,2',
    );
    expect(screen.getByText('The shopper presses Pay.')).toBeInTheDocument();
  });

  it('explains what to do when the catalog has no systems', async () => {
    await renderTab(mockApi(), []);
    expect(
      await screen.findByText('No domains or systems in the catalog'),
    ).toBeInTheDocument();
  });
});

describe('ReadingPath', () => {
  it('lists runbook titles from the index with links to the Runbooks tab or their URL, TechDocs and why each comes first', async () => {
    await renderInTestApp(<ReadingPath steps={testTour.readingPath} />, {
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    });
    expect(
      screen.getByRole('link', { name: 'Orders backlog' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/orders/runbooks?runbook=backlog',
    );
    expect(screen.getByRole('link', { name: /Orders wiki/ })).toHaveAttribute(
      'href',
      'https://runbooks.example.com/orders',
    );
    expect(
      screen.getByRole('link', { name: 'Rollback: Roll back a release' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/orders/runbooks?runbook=roll-back',
    );
    expect(
      screen.getByRole('link', { name: 'Read its documentation (TechDocs)' }),
    ).toHaveAttribute('href', '/docs/default/component/orders');
    expect(screen.getByText('The only service here.')).toBeInTheDocument();
    expect(screen.getByText(/must be good over 28d/)).toBeInTheDocument();
    expect(screen.getByText('Breaching')).toBeInTheDocument();
  });

  it('says so when there are no services', async () => {
    await renderInTestApp(<ReadingPath steps={[]} />);
    expect(
      screen.getByText('No services (components) here yet.'),
    ).toBeInTheDocument();
  });
});
