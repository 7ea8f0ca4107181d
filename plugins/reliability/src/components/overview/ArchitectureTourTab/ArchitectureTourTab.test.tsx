import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { reliabilityApiRef } from '../../../api';
import { testTour } from '../testData';
import { ArchitectureTourTab } from './ArchitectureTourTab';
import { ReadingPath } from './ReadingPath';
import { tourMapGraph } from './tourMapGraph';

// DependencyGraph lays out with SVG measurements jsdom does not have; the map itself is exercised in the app.
jest.mock('./TourMap', () => ({
  TourMap: (props: {
    tour: { nodes: Array<{ entityRef: string; state: string }> };
  }) => (
    <ul aria-label="map">
      {props.tour.nodes.map(node => (
        <li key={node.entityRef}>{`${node.entityRef} ${node.state}`}</li>
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

  it('explains what to do when the catalog has no systems', async () => {
    await renderTab(mockApi(), []);
    expect(
      await screen.findByText('No domains or systems in the catalog'),
    ).toBeInTheDocument();
  });
});

describe('tourMapGraph', () => {
  it('leaves out the toured entity itself, dangling and repeated edges', () => {
    const graph = tourMapGraph({
      ...testTour,
      nodes: [
        ...testTour.nodes,
        { ...testTour.nodes[1], entityRef: 'component:default/web' },
      ],
      edges: [
        ...testTour.edges,
        {
          from: 'component:default/web',
          to: 'component:default/orders',
          type: 'dependsOn',
        },
        {
          from: 'component:default/web',
          to: 'component:default/orders',
          type: 'dependsOn',
        },
        {
          from: 'component:default/web',
          to: 'resource:default/missing',
          type: 'dependsOn',
        },
      ],
    });
    expect(graph.nodes.map(n => n.entityRef)).toEqual([
      'component:default/orders',
      'component:default/web',
    ]);
    expect(graph.edges).toEqual([
      {
        from: 'component:default/web',
        to: 'component:default/orders',
        type: 'dependsOn',
      },
    ]);
  });
});

describe('ReadingPath', () => {
  it('lists runbooks (links only for web URLs) and what each SLO promises', async () => {
    await renderInTestApp(<ReadingPath steps={testTour.readingPath} />, {
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    });
    expect(
      screen.getByRole('link', { name: /Orders backlog/ }),
    ).toHaveAttribute('href', 'https://runbooks.example.com/orders');
    expect(
      screen.queryByRole('link', { name: /latency\.md/ }),
    ).not.toBeInTheDocument();
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
