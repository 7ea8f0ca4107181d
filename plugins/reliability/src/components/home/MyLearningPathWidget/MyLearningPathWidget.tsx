import { MyLearningPaths } from '../../learning';

/**
 * Home page widget "Your learning path": the onboarding paths of the signed-in user's teams, ticked off item by
 * item, with the user's progress (private unless the team opts in to sharing aggregated numbers).
 */
export function MyLearningPathWidget() {
  return <MyLearningPaths />;
}
