import {
  ALPHA_WAIT,
  renderEntityOverview,
} from '../__testUtils__/renderEntityOverview';
import { EntityProvider } from '@backstage/plugin-catalog-react';
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

function trendsApi() {
  return {
    ...mockReliabilityApi(),
    getTrendSeries: jest.fn(async () => emptySeries),
  };
}

describe('group trends card', () => {
  it('is off until the app enables it (new frontend system)', async () => {
    const api = renderEntityOverview(testTeam, [], trendsApi());
    expect(
      await screen.findByTestId('empty-entity-page', {}, ALPHA_WAIT),
    ).toBeInTheDocument();
    expect(api.getTrendSeries).not.toHaveBeenCalled();
  });

  it("shows the team's trend on a group once enabled", async () => {
    const api = renderEntityOverview(
      testTeam,
      ['entity-card:reliability/group-trends'],
      trendsApi(),
    );
    expect(
      await screen.findByText('Team reliability trend', {}, ALPHA_WAIT),
    ).toBeInTheDocument();
    expect(api.getTrendSeries).toHaveBeenCalledWith({
      scope: 'team',
      ref: 'group:default/payments',
      days: 180,
    });
  });

  it('stays off a service', async () => {
    const api = renderEntityOverview(
      testService,
      ['entity-card:reliability/group-trends'],
      trendsApi(),
    );
    expect(
      await screen.findByTestId('empty-entity-page', {}, ALPHA_WAIT),
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
