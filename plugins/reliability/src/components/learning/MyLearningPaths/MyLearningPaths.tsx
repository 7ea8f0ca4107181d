import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
  WarningPanel,
} from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { LearningPathView } from '../LearningPathView';
import { useMyLearningPaths } from '../useMyLearningPaths';

/** What {@link useMyLearningPaths} returns. */
export type MyLearningPathsState = ReturnType<typeof useMyLearningPaths>;

/** True once loaded when the user's teams have no path and no broken path file: nothing to show. */
export function hasNothingToShow(state: MyLearningPathsState): boolean {
  return Boolean(
    !state.loading &&
      !state.error &&
      state.value &&
      state.value.paths.length === 0 &&
      state.value.problems.length === 0,
  );
}

/**
 * The learning paths of the signed-in user's teams with their own progress, from a loaded state: loading, error,
 * empty and "a path file is broken" states, then one {@link LearningPathView} per path.
 */
export function MyLearningPathsContent(props: { state: MyLearningPathsState }) {
  const { loading, error, value, saving, saveError, setDone } = props.state;

  if (loading) return <Progress />;
  if (error || !value) {
    return (
      <ResponseErrorPanel
        title="Your learning path could not be loaded"
        error={error ?? new Error('No response')}
      />
    );
  }
  const { paths, problems } = value;
  return (
    <>
      {problems.length > 0 && (
        <WarningPanel
          severity="error"
          title={`The learning path of ${problems
            .map(p => p.groupRef)
            .join(', ')} cannot be shown`}
          message={problems.map(p => `${p.source}: ${p.message}`).join('\n')}
        />
      )}
      {saveError && (
        <Typography color="error" variant="body2" role="alert">
          {`Your progress could not be saved: ${saveError.message}`}
        </Typography>
      )}
      {paths.length === 0 && problems.length === 0 && (
        <EmptyState
          missing="content"
          title={
            value.groupRefs.length === 0
              ? 'You are not in any team'
              : 'Your teams have no learning path yet'
          }
          description="A team writes its onboarding path as code: a YAML file named by the reliability.sre-portal.dev/learning-path annotation of its Group (see docs/tour.md)."
        />
      )}
      {paths.map(path => (
        <LearningPathView
          key={path.groupRef}
          path={path}
          savingItemId={
            saving?.groupRef === path.groupRef ? saving.itemId : undefined
          }
          onChange={(itemId, done) =>
            setDone({ groupRef: path.groupRef, itemId }, done)
          }
        />
      ))}
    </>
  );
}

/** The learning paths of the signed-in user's teams (the home page widget's content). */
export function MyLearningPaths() {
  const state = useMyLearningPaths();
  return <MyLearningPathsContent state={state} />;
}
