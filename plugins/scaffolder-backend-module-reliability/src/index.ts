/**
 * Scaffolder actions of the reliability suite: OpenSLO files, runbook skeletons and catalog annotations.
 *
 * @packageDocumentation
 */

export { scaffolderModuleReliability as default } from './module';
export { createSloAction } from './actions/createSloAction';
export { createRunbookAction } from './actions/createRunbookAction';
export { createAnnotateAction } from './actions/annotateAction';
export type {
  SloActionInput,
  SloActionObjective,
  SloActionOutput,
  RunbookActionInput,
  RunbookActionOutput,
  AnnotateActionInput,
  AnnotateActionOutput,
} from './actions/actionTypes';
