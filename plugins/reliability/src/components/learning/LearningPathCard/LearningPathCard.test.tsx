import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, waitFor } from '@testing-library/react';
import { reliabilityApiRef } from '../../../api';
import { testMyLearningPaths } from '../testData';
import { LearningPathCard } from './LearningPathCard';

async function renderCard(
  api: Record<string, jest.Mock>,
  hideWhenEmpty?: boolean,
) {
  await renderInTestApp(
    <TestApiProvider apis={[[reliabilityApiRef, api as any]]}>
      <LearningPathCard hideWhenEmpty={hideWhenEmpty} />
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

describe('LearningPathCard', () => {
  it('shows the paths in a "Your learning path" card', async () => {
    await renderCard({
      getMyLearningPaths: jest.fn(async () => testMyLearningPaths()),
    });
    expect(await screen.findByText('Your learning path')).toBeInTheDocument();
    expect(await screen.findByText('SRE onboarding')).toBeInTheDocument();
    // Without the reliability page in the app, a journey links to the declaring entity.
    expect(
      screen.getByRole('link', { name: 'Walk: A shopper pays for an order' }),
    ).toHaveAttribute('href', '/catalog/default/system/orders');
  });

  it('stays out of the way on the tour when the teams have no path', async () => {
    const getMyLearningPaths = jest.fn(async () =>
      testMyLearningPaths({ paths: [] }),
    );
    await renderCard({ getMyLearningPaths }, true);
    await waitFor(() => expect(getMyLearningPaths).toHaveBeenCalled());
    await waitFor(() =>
      expect(screen.queryByText('Your learning path')).toBeNull(),
    );
    expect(screen.queryByText(/no learning path/)).toBeNull();
  });

  it('shows the empty state where the card is always shown', async () => {
    await renderCard({
      getMyLearningPaths: jest.fn(async () =>
        testMyLearningPaths({ paths: [], groupRefs: [] }),
      ),
    });
    expect(
      await screen.findByText('You are not in any team'),
    ).toBeInTheDocument();
  });
});
