import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { reliabilityApiRef } from '../../../api';
import { emptySeries, leaderboard } from '../testData';
import { TrendsTabContent } from './TrendsTabContent';

describe('TrendsTabContent', () => {
  it("shows the org's trend and the team leaderboard", async () => {
    const api = {
      getTrendSeries: jest.fn(async () => ({
        ...emptySeries,
        scope: 'org',
        ref: 'org',
      })),
      getTrendLeaderboard: jest.fn(async () => leaderboard),
    };
    await renderInTestApp(
      <TestApiProvider apis={[[reliabilityApiRef, api as any]]}>
        <TrendsTabContent />
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );
    expect(
      await screen.findByText('Organisation maturity over time'),
    ).toBeInTheDocument();
    expect(
      await screen.findByText('Snapshot of 2026-12-01.'),
    ).toBeInTheDocument();
    expect(api.getTrendSeries).toHaveBeenCalledWith({
      scope: 'org',
      ref: undefined,
      days: 180,
    });
  });
});
