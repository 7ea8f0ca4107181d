import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { reliabilityApiRef } from '../../../api';
import { emptySeries } from '../testData';
import { EntityGroupTrendsCard } from './EntityGroupTrendsCard';

const group = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'Payments', namespace: 'default' },
  spec: { type: 'team', children: [] },
};

describe('EntityGroupTrendsCard', () => {
  it("loads the team's series by its normalised ref", async () => {
    const getTrendSeries = jest.fn(async () => emptySeries);
    await renderInTestApp(
      <TestApiProvider apis={[[reliabilityApiRef, { getTrendSeries } as any]]}>
        <EntityProvider entity={group}>
          <EntityGroupTrendsCard />
        </EntityProvider>
      </TestApiProvider>,
    );
    expect(
      await screen.findByText('Team reliability trend'),
    ).toBeInTheDocument();
    expect(getTrendSeries).toHaveBeenCalledWith({
      scope: 'team',
      ref: 'group:default/payments',
      days: 180,
    });
  });
});
