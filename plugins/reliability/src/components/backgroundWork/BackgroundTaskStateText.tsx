import {
  StatusError,
  StatusOK,
  StatusPending,
  StatusRunning,
  StatusWarning,
} from '@backstage/core-components';
import { BackgroundTaskState } from '@internal/backstage-plugin-reliability-common';
import { STATE_TEXT } from './backgroundWorkFormat';

const STATUS_ICON: Record<
  BackgroundTaskState,
  (props: { children?: React.ReactNode }) => JSX.Element
> = {
  ok: StatusOK,
  running: StatusRunning,
  waiting: StatusPending,
  failing: StatusError,
  late: StatusWarning,
  interrupted: StatusError,
};

/** A task's state in words with Backstage's status mark (its colour never carries the meaning alone). */
export function BackgroundTaskStateText(props: { state: BackgroundTaskState }) {
  const Status = STATUS_ICON[props.state];
  return <Status>{STATE_TEXT[props.state]}</Status>;
}
