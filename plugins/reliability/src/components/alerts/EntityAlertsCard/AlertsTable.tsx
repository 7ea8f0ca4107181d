import { Link } from '@backstage/core-components';
import {
  AlertView,
  isHttpUrl,
} from '@internal/backstage-plugin-reliability-common';
import { WholeWordsTable } from '../../PlainTable';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import { ALERT_STATE_LABEL, formatMinutes } from '../alertFormat';

/** The alert's name, linked to the alert in its source only when that is an http(s) URL. */
function AlertName(props: { alert: AlertView }) {
  const { alert } = props;
  return isHttpUrl(alert.url) ? (
    <Link to={alert.url!} target="_blank" rel="noopener noreferrer">
      {alert.name}
    </Link>
  ) : (
    <>{alert.name}</>
  );
}

/** The runbook of an alert: the entity's runbook (opened in the Runbooks tab) or the link the alert names. */
function RunbookCell(props: {
  alert: AlertView;
  runbookLink: (id: string) => string;
}) {
  const { runbook } = props.alert;
  if (!runbook) {
    return <>{props.alert.pages ? 'None' : '—'}</>;
  }
  if (runbook.id) {
    return (
      <Link to={props.runbookLink(runbook.id)}>
        {runbook.title ?? runbook.id}
      </Link>
    );
  }
  return runbook.url && isHttpUrl(runbook.url) ? (
    <Link to={runbook.url} target="_blank" rel="noopener noreferrer">
      Runbook
    </Link>
  ) : (
    <>—</>
  );
}

/** Alerts and monitors: state, severity, paging, runbook, firings over the window and noise. */
export function AlertsTable(props: {
  alerts: AlertView[];
  runbookLink: (id: string) => string;
}) {
  return (
    <WholeWordsTable size="small" aria-label="Alerts and monitors">
      <TableHead>
        <TableRow>
          <TableCell>Alert</TableCell>
          <TableCell>State</TableCell>
          <TableCell>Severity</TableCell>
          <TableCell>Pages</TableCell>
          <TableCell>Runbook</TableCell>
          <TableCell align="right">Fired (30 d)</TableCell>
          <TableCell align="right">Median to resolve</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.alerts.map(alert => (
          <TableRow
            key={`${alert.source}:${alert.id}`}
            data-testid={`alert-${alert.id}`}
          >
            <TableCell>
              <AlertName alert={alert} />
              {alert.noisy && ' · noisy'}
              {alert.sloBased && ' · SLO'}
              {alert.stale && ' · stale'}
            </TableCell>
            <TableCell>{ALERT_STATE_LABEL[alert.state]}</TableCell>
            <TableCell>{alert.severity ?? '—'}</TableCell>
            <TableCell>{alert.pages ? 'Yes' : 'No'}</TableCell>
            <TableCell>
              <RunbookCell alert={alert} runbookLink={props.runbookLink} />
            </TableCell>
            <TableCell align="right">{alert.fired}</TableCell>
            <TableCell align="right">
              {alert.medianMinutes === null
                ? '—'
                : formatMinutes(alert.medianMinutes)}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </WholeWordsTable>
  );
}
