import { WarningPanel } from '@backstage/core-components';
import { AlertSourceStatus } from '@internal/backstage-plugin-reliability-common';
import Typography from '@material-ui/core/Typography';

/**
 * The state of the alert sources above an alert list: a warning for each source whose last read failed (its
 * alerts are the last ones read), and one quiet line naming the sources that are installed but not configured
 * (they read nothing, so nothing of theirs is stale).
 */
export function SourceWarnings(props: {
  sources: AlertSourceStatus[];
  /** What the list does with the last read alerts, e.g. "showing those read before". */
  staleNote: string;
}) {
  const { sources, staleNote } = props;
  const notConfigured = sources.filter(s => s.notConfigured);
  return (
    <>
      {sources
        .filter(s => s.error && !s.notConfigured)
        .map(source => (
          <WarningPanel
            key={source.source}
            severity="warning"
            title={`Alerts from ${source.label} could not be read; ${staleNote} (stale)`}
            message={source.error}
          />
        ))}
      {notConfigured.length > 0 && (
        <Typography
          variant="caption"
          color="textSecondary"
          component="p"
          title={notConfigured.map(s => s.error).join('\n')}
        >
          Not configured (installed, reading nothing):{' '}
          {notConfigured.map(s => s.label).join(', ')}
        </Typography>
      )}
    </>
  );
}
