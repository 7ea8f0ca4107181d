import { BackgroundTaskReplicaCount, BackgroundTaskState } from './types';

/**
 * The states of a background task that need someone's attention (the data it keeps may be out of date), most
 * urgent first: `late`, `interrupted`, `failing`.
 *
 * @public
 */
export const BACKGROUND_TASK_TROUBLE_STATES: readonly BackgroundTaskState[] = [
  'late',
  'interrupted',
  'failing',
];

/** Whether a background task in this state needs attention (see {@link BACKGROUND_TASK_TROUBLE_STATES}). @public */
export function backgroundTaskInTrouble(state: BackgroundTaskState): boolean {
  return BACKGROUND_TASK_TROUBLE_STATES.includes(state);
}

/** How many replicas of a local task are in a state that needs attention. @public */
export function replicasInTrouble(count: BackgroundTaskReplicaCount): number {
  return BACKGROUND_TASK_TROUBLE_STATES.reduce(
    (sum, state) => sum + (count.byState[state] ?? 0),
    0,
  );
}
