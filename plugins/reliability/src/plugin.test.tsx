import { Entity } from '@backstage/catalog-model';
import {
  catalogApiRef,
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { ReliabilityClient } from '@internal/backstage-plugin-reliability-common';
import { screen } from '@testing-library/react';
import { ReactElement } from 'react';
import { Route, Routes } from 'react-router-dom';
import {
  mockReliabilityApi,
  testService,
  testTeam,
} from './__testUtils__/mockReliabilityApi';
import { reliabilityApiRef } from './api';
import {
  EntityGroupAlertsCoverageCard,
  EntityGroupLearningProgressCard,
  EntityGroupOnCallCard,
  EntityGroupOnCallContent,
  EntityGroupPostmortemsCard,
  EntityMaturityCard,
  EntityMaturityContent,
  EntityOnCallCard,
  EntityReliabilityContent,
  EntityRunbooksCard,
  EntityRunbooksContent,
  EntitySloCard,
  EntitySloContent,
  EntitySloReviewCard,
  ReliabilityPage,
  reliabilityPlugin,
} from './plugin';
import { rootRouteRef } from './routes';
import { mockPolicyApi } from './components/policy/testData';

// recharts' ResponsiveContainer observes its size; jsdom has no ResizeObserver.
beforeAll(() => {
  (globalThis as any).ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});

async function renderLegacy(
  element: ReactElement,
  entity?: Entity,
  options: { routeEntries?: string[]; mountRoot?: boolean } = {},
) {
  const api = mockReliabilityApi();
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [reliabilityApiRef, api as any],
        [catalogApiRef, catalogApiMock()],
      ]}
    >
      {entity ? (
        <EntityProvider entity={entity}>{element}</EntityProvider>
      ) : (
        element
      )}
    </TestApiProvider>,
    {
      routeEntries: options.routeEntries,
      mountedRoutes: {
        ...(options.mountRoot === false
          ? {}
          : { '/reliability': rootRouteRef }),
        '/catalog/:namespace/:kind/:name': entityRouteRef,
      },
    },
  );
  return api;
}

describe('legacy frontend system exports', () => {
  it('the plugin provides the reliability API, built on ReliabilityClient', () => {
    expect(reliabilityPlugin.getId()).toBe('reliability');
    const factory = [...reliabilityPlugin.getApis()].find(
      f => f.api.id === reliabilityApiRef.id,
    );
    expect(factory).toBeDefined();
    const client = factory!.factory({
      discoveryApi: { getBaseUrl: async () => 'http://localhost/api' },
      fetchApi: { fetch: jest.fn() },
    });
    expect(client).toBeInstanceOf(ReliabilityClient);
    expect(reliabilityPlugin.routes.root).toBe(rootRouteRef);
  });

  it('ReliabilityPage shows the org overview', async () => {
    const api = await renderLegacy(
      <Routes>
        <Route path="/reliability/*" element={<ReliabilityPage />} />
      </Routes>,
      undefined,
      { routeEntries: ['/reliability'], mountRoot: false },
    );
    expect(await screen.findByText('Service reliability')).toBeInTheDocument();
    expect(await screen.findByText('orders')).toBeInTheDocument();
    expect(api.getOverview).toHaveBeenCalled();
  });

  it('EntityReliabilityContent shows every card of the entity', async () => {
    await renderLegacy(<EntityReliabilityContent />, testService);
    for (const title of [
      'Service level objectives',
      'On-call',
      'Runbooks',
      'Reliability maturity',
      'Reliability data sources',
    ]) {
      expect(
        await screen.findByText(title, { selector: '.MuiCardHeader-title' }),
      ).toBeInTheDocument();
    }
    expect(
      await screen.findByText('Checkout availability'),
    ).toBeInTheDocument();
  });

  it('EntityReliabilityContent of a system loads the SLO review report on its own', async () => {
    const api = { ...mockReliabilityApi(), ...mockPolicyApi() };
    const system: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'System',
      metadata: { name: 'checkout', namespace: 'default' },
      spec: { owner: 'group:default/payments' },
    };
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [reliabilityApiRef, api as any],
          [catalogApiRef, catalogApiMock()],
        ]}
      >
        <EntityProvider entity={system}>
          <EntityReliabilityContent />
        </EntityProvider>
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );
    expect(
      await screen.findByRole('table', { name: 'Last complete window' }),
    ).toBeInTheDocument();
    expect(api.getSloReport).toHaveBeenCalledWith({
      system: 'system:default/checkout',
    });
  });

  it.each([
    ['EntitySloCard', <EntitySloCard />, 'Checkout availability'],
    ['EntityOnCallCard', <EntityOnCallCard />, 'On-call'],
    ['EntityRunbooksCard', <EntityRunbooksCard />, 'Runbooks'],
    ['EntityMaturityCard', <EntityMaturityCard />, 'Reliability maturity'],
    ['EntitySloContent', <EntitySloContent />, 'Checkout availability'],
    ['EntityMaturityContent', <EntityMaturityContent />, 'No assessments yet'],
  ])('%s renders for a service', async (_name, element, text) => {
    await renderLegacy(element, testService);
    expect((await screen.findAllByText(text)).length).toBeGreaterThan(0);
  });

  it('EntityRunbooksContent renders the first runbook of the service', async () => {
    const api = await renderLegacy(<EntityRunbooksContent />, testService);
    expect(
      await screen.findByRole('heading', { name: 'high-error-rate' }),
    ).toBeInTheDocument();
    expect(api.getEntityRunbooks).toHaveBeenCalledWith(
      { kind: 'Component', namespace: 'default', name: 'checkout' },
      expect.anything(),
    );
  });

  it.each([
    ['EntityGroupOnCallCard', <EntityGroupOnCallCard />],
    ['EntityGroupOnCallContent', <EntityGroupOnCallContent />],
  ])('%s shows who is on call for the team', async (_name, element) => {
    const api = await renderLegacy(element, testTeam);
    expect(await screen.findByText('On call now')).toBeInTheDocument();
    expect(screen.getAllByText('Ana Silva').length).toBeGreaterThan(0);
    expect(api.getGroupOnCall).toHaveBeenCalledWith({
      kind: 'Group',
      namespace: 'default',
      name: 'payments',
    });
  });

  it('EntityGroupAlertsCoverageCard and EntityGroupPostmortemsCard show the team view', async () => {
    const api = await renderLegacy(
      <>
        <EntityGroupAlertsCoverageCard />
        <EntityGroupPostmortemsCard />
      </>,
      testTeam,
    );
    expect(await screen.findByTestId('coverage-summary')).toHaveTextContent(
      'Runbook coverage 67%',
    );
    expect(await screen.findByTestId('follow-up-counts')).toHaveTextContent(
      '1 postmortem overdue',
    );
    expect(api.getAlertsCoverage).toHaveBeenCalledWith({
      owner: 'group:default/payments',
    });
    expect(api.getIncidentFollowUp).toHaveBeenCalledWith({
      owner: 'group:default/payments',
    });
  });

  it("EntityGroupLearningProgressCard shows the team's aggregated onboarding progress", async () => {
    const api = await renderLegacy(
      <EntityGroupLearningProgressCard />,
      testTeam,
    );
    expect(
      await screen.findByTestId('team-learning-summary'),
    ).toHaveTextContent('1 of 4 members finished the path');
    expect(api.getTeamLearningProgress).toHaveBeenCalledWith({
      kind: 'Group',
      namespace: 'default',
      name: 'payments',
    });
  });

  it('EntitySloReviewCard shows the SLO review report of a group', async () => {
    const policyApi = mockPolicyApi();
    await renderInTestApp(
      <TestApiProvider apis={[[reliabilityApiRef, policyApi as any]]}>
        <EntityProvider entity={testTeam}>
          <EntitySloReviewCard />
        </EntityProvider>
      </TestApiProvider>,
    );
    expect(
      await screen.findByRole('table', { name: 'Last complete window' }),
    ).toBeInTheDocument();
    expect(policyApi.getSloReport).toHaveBeenCalledWith({
      owner: 'group:default/payments',
    });
  });
});
