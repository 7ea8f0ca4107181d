import { useApi } from '@backstage/core-plugin-api';
import { backgroundTaskLabel } from '@internal/backstage-plugin-reliability-common';
import Alert from '@material-ui/lab/Alert';
import useAsync from 'react-use/esm/useAsync';
import { reliabilityApiRef } from '../../api';
import {
  attentionName,
  STATE_TEXT,
  tasksNeedingAttention,
} from './backgroundWorkFormat';
import { MonitoringTabLink } from './MonitoringTabLink';

/**
 * One line above the org overview when the data it shows may be out of date: a background task is late, failing
 * or interrupted, or no replica runs them. Nothing while loading, on an error (the Monitoring tab shows it) or
 * when every task runs on time.
 */
export function BackgroundWorkBanner() {
  const api = useApi(reliabilityApiRef);
  // async: an API without the method (an older custom client) rejects instead of throwing in the effect.
  const { value } = useAsync(async () => api.getBackgroundWork(), [api]);
  if (!value) return null;
  if (value.tasks.length === 0) {
    return (
      <Alert severity="warning">
        No replica runs the reliability background tasks, so the data on these
        pages is not being collected. <MonitoringTabLink /> says more.
      </Alert>
    );
  }
  const attention = tasksNeedingAttention(value.tasks);
  if (attention.length === 0) return null;
  const what = attention
    .map(
      task =>
        `${attentionName(task, backgroundTaskLabel)}: ${STATE_TEXT[
          task.state
        ].toLowerCase()}`,
    )
    .join('; ');
  return (
    <Alert severity="warning">
      Some reliability data may be out of date ({what}). <MonitoringTabLink />{' '}
      says more.
    </Alert>
  );
}
