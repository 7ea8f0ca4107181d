/**
 * Scaffolder actions of the reliability suite: OpenSLO files, runbook skeletons, catalog annotations and the
 * deploy gate's pipeline workflow.
 *
 * @packageDocumentation
 */

export { scaffolderModuleReliability as default } from './module';
export { createSloAction } from './actions/createSloAction';
export { createRunbookAction } from './actions/createRunbookAction';
export { createAnnotateAction } from './actions/annotateAction';
export { createDeployGateWorkflowAction } from './actions/deployGateWorkflowAction';
export type {
  SloActionInput,
  SloActionObjective,
  SloActionOutput,
  RunbookActionInput,
  RunbookActionOutput,
  AnnotateActionInput,
  AnnotateActionOutput,
  DeployGateWorkflowActionInput,
  DeployGateWorkflowActionOutput,
} from './actions/actionTypes';
