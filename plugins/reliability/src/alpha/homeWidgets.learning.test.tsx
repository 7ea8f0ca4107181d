import {
  createExtensionTester,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { HomePageWidgetBlueprint } from '@backstage/plugin-home-react/alpha';
import { screen } from '@testing-library/react';
import { reliabilityApiRef } from '../api';
import { testMyLearningPaths } from '../components/learning/testData';
import { reliabilityMyLearningPathWidget } from './homeWidgets';

describe('home page widget "Your learning path"', () => {
  it("is named for the home page and shows the user's team path", async () => {
    const tester = createExtensionTester(reliabilityMyLearningPathWidget);
    const widget = tester.get(HomePageWidgetBlueprint.dataRefs.widget);
    expect(widget.name).toBe('ReliabilityMyLearningPath');
    expect(widget.title).toBe('Your learning path');

    const getMyLearningPaths = jest.fn(async () => testMyLearningPaths());
    renderInTestApp(widget.component, {
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      apis: [[reliabilityApiRef, { getMyLearningPaths } as any]],
    });
    expect(
      await screen.findByText('SRE onboarding', {}, { timeout: 15_000 }),
    ).toBeInTheDocument();
    expect(screen.getByText('1 of 5 done')).toBeInTheDocument();
  });
});
