import {
  backgroundTaskLabel,
  BackgroundTaskStatus,
} from '@internal/backstage-plugin-reliability-common';
import Typography from '@material-ui/core/Typography';
import { formatAbsolute, formatRelative } from '../oncall/formatOnCallTime';
import { BackgroundTaskStateText } from './BackgroundTaskStateText';
import { formatReplicaCount, replicaNames } from './backgroundWorkFormat';

/**
 * A local task's replicas under its state: how many run it and how they do ("2 replicas, 1 failing"), for
 * everyone; for reliability admins (the response names them), each replica by host name (with its pid where two
 * share a host, see {@link replicaNames}) with its state, last run, its own last success when that run did not
 * succeed, and failure, most in need of attention first.
 * Nothing for a global task.
 */
export function BackgroundTaskReplicas(props: {
  task: BackgroundTaskStatus;
  now: Date;
}) {
  const { task, now } = props;
  if (!task.replicaCount) return null;
  const names = replicaNames(task.replicas ?? []);
  return (
    <>
      <Typography variant="caption" component="p">
        {formatReplicaCount(task.replicaCount)}
      </Typography>
      {task.replicas && task.replicas.length > 0 && (
        <ul
          aria-label={`Replicas running ${backgroundTaskLabel(task.id)}`}
          style={{ margin: 0, paddingLeft: 16 }}
        >
          {task.replicas.map(replica => (
            <li key={replica.replica}>
              <Typography
                variant="caption"
                component="span"
                title={`Process ${replica.replica}`}
              >
                {names.get(replica.replica)}:{' '}
              </Typography>
              <BackgroundTaskStateText state={replica.state} />
              {replica.lastRun && (
                <Typography
                  variant="caption"
                  color="textSecondary"
                  component="p"
                >
                  last run{' '}
                  <span title={formatAbsolute(replica.lastRun.startedAt)}>
                    {formatRelative(replica.lastRun.startedAt, now)}
                  </span>
                </Typography>
              )}
              {replica.lastRun && replica.lastRun.outcome !== 'succeeded' && (
                <Typography
                  variant="caption"
                  color="textSecondary"
                  component="p"
                >
                  {replica.lastSuccess ? (
                    <>
                      last success{' '}
                      <span title={formatAbsolute(replica.lastSuccess.endedAt)}>
                        {formatRelative(replica.lastSuccess.endedAt, now)}
                      </span>
                    </>
                  ) : (
                    'no success recorded'
                  )}
                </Typography>
              )}
              {replica.lastRun?.error && (
                <Typography variant="caption" component="p">
                  {replica.lastRun.error}
                </Typography>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
