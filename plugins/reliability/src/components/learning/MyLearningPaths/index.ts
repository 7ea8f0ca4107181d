export {
  hasNothingToShow,
  MyLearningPaths,
  MyLearningPathsContent,
} from './MyLearningPaths';
export type { MyLearningPathsState } from './MyLearningPaths';
