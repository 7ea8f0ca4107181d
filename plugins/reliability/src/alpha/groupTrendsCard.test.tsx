import { Entity } from '@backstage/catalog-model';
import { renderTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { createTestEntityPage } from '@backstage/plugin-catalog-react/testUtils';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import {
  mockReliabilityApi,
  testService,
  testTeam,
} from '../__testUtils__/mockReliabilityApi';
import { reliabilityApiRef } from '../api';
import { emptySeries } from '../components/trends/testData';
import { EntityGroupTrendsCard } from '../plugin';
import { reliabilityPlugin } from './plugin';

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

function trendsApi() {
  return {
    ...mockReliabilityApi(),
    getTrendSeries: jest.fn(async () => emptySeries),
  };
}

function renderEntityOverview(entity: Entity, enabled: string[]) {
  const api = trendsApi();
  renderTestApp({
    features: [reliabilityPlugin],
    extensions: [createTestEntityPage({ entity })],
    apis: [[reliabilityApiRef, api as any]],
    config: {
      app: {
        extensions: [
          ...tabIds.map(id => ({ [id]: false })),
          ...enabled.map(id => ({ [id]: true })),
        ],
      },
    },
  });
  return api;
}

describe('group trends card', () => {
  it('is off until the app enables it (new frontend system)', async () => {
    const api = renderEntityOverview(testTeam, []);
    expect(
      await screen.findByTestId('empty-entity-page', {}, WAIT),
    ).toBeInTheDocument();
    expect(api.getTrendSeries).not.toHaveBeenCalled();
  });

  it("shows the team's trend on a group once enabled", async () => {
    const api = renderEntityOverview(testTeam, [
      'entity-card:reliability/group-trends',
    ]);
    expect(
      await screen.findByText('Team reliability trend', {}, WAIT),
    ).toBeInTheDocument();
    expect(api.getTrendSeries).toHaveBeenCalledWith({
      scope: 'team',
      ref: 'group:default/payments',
      days: 180,
    });
  });

  it('stays off a service', async () => {
    const api = renderEntityOverview(testService, [
      'entity-card:reliability/group-trends',
    ]);
    expect(
      await screen.findByTestId('empty-entity-page', {}, WAIT),
    ).toBeInTheDocument();
    expect(api.getTrendSeries).not.toHaveBeenCalled();
  });

  it('is exported for the legacy frontend system', async () => {
    const api = trendsApi();
    await renderInTestApp(
      <TestApiProvider apis={[[reliabilityApiRef, api as any]]}>
        <EntityProvider entity={testTeam}>
          <EntityGroupTrendsCard />
        </EntityProvider>
      </TestApiProvider>,
    );
    expect(
      await screen.findByText(/^No snapshots yet: the first is taken /),
    ).toBeInTheDocument();
    expect(api.getTrendSeries).toHaveBeenCalledWith({
      scope: 'team',
      ref: 'group:default/payments',
      days: 180,
    });
  });
});
