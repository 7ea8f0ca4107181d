import { InfoCard } from '@backstage/core-components';
import { hasNothingToShow, MyLearningPathsContent } from '../MyLearningPaths';
import { useMyLearningPaths } from '../useMyLearningPaths';

/**
 * "Your learning path" card: the onboarding paths of the signed-in user's teams with checkboxes, progress and
 * links. With `hideWhenEmpty` (the architecture tour) the card stays out of the way while it loads and when the
 * user's teams have no path; errors and broken path files are still shown.
 */
export function LearningPathCard(props: { hideWhenEmpty?: boolean }) {
  const state = useMyLearningPaths();
  if (props.hideWhenEmpty && (state.loading || hasNothingToShow(state))) {
    return null;
  }
  return (
    <InfoCard title="Your learning path">
      <MyLearningPathsContent state={state} />
    </InfoCard>
  );
}
