import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { fireEvent, screen, within } from '@testing-library/react';
import { reliabilityApiRef } from '../../../api';
import { testTour } from '../testData';
import { ArchitectureTourTab } from './ArchitectureTourTab';
import { ReadingPath } from './ReadingPath';

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

describe('ArchitectureTourTab', () => {
  it('loads the tour of the picked system with its map and reading path', async () => {
    const api = {
      getSystemTour: jest.fn(async () => testTour),
      getDomainTour: jest.fn(),
    };
    await renderTab(api);
    expect(
      await screen.findByText(/Pick a domain or a system/),
    ).toBeInTheDocument();
    await pick('Shop');
    expect(
      await screen.findByText('Everything customers buy through'),
    ).toBeInTheDocument();
    expect(api.getSystemTour).toHaveBeenCalledWith({
      kind: 'system',
      namespace: 'default',
      name: 'shop',
    });
    expect(screen.getByLabelText('map')).toHaveTextContent(
      'component:default/orders breaching',
    );
    expect(screen.getByText(/3 entities depend on it/)).toBeInTheDocument();
  });

  it('loads domain tours from the domain route', async () => {
    const api = {
      getSystemTour: jest.fn(),
      getDomainTour: jest.fn(async () => testTour),
    };
    await renderTab(api);
    await screen.findByText(/Pick a domain or a system/);
    await pick('commerce');
    await screen.findByText('Everything customers buy through');
    expect(api.getDomainTour).toHaveBeenCalledWith({
      kind: 'domain',
      namespace: 'default',
      name: 'commerce',
    });
  });

  it('shows an error panel when the tour fails', async () => {
    const api = {
      getSystemTour: jest.fn(async () => {
        throw new Error('tour unavailable');
      }),
      getDomainTour: jest.fn(),
    };
    await renderTab(api);
    await screen.findByText(/Pick a domain or a system/);
    await pick('Shop');
    expect(
      (await screen.findAllByText(/tour unavailable/)).length,
    ).toBeGreaterThan(0);
  });

  it('explains what to do when the catalog has no systems', async () => {
    await renderTab({ getSystemTour: jest.fn(), getDomainTour: jest.fn() }, []);
    expect(
      await screen.findByText('No domains or systems in the catalog'),
    ).toBeInTheDocument();
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
