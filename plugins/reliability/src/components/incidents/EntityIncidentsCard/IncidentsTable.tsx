import { Link } from '@backstage/core-components';
import {
  IncidentView,
  isHttpUrl,
} from '@internal/backstage-plugin-reliability-common';
import { WholeWordsTable } from '../../PlainTable';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import { makeStyles } from '@material-ui/core/styles';
import {
  formatDay,
  formatDuration,
  POSTMORTEM_STATE_LABEL,
  severityLabel,
} from '../incidentFormat';

const useStyles = makeStyles({
  // A date ("Nov 24") or a severity ("SEV-3") on one line, however long the incident's title.
  short: { whiteSpace: 'nowrap' },
});

/** The incident's title, linked to the incident in its source only when that is an http(s) URL. */
function IncidentTitle(props: { incident: IncidentView }) {
  const { incident } = props;
  return isHttpUrl(incident.url) ? (
    <Link to={incident.url!} target="_blank" rel="noopener noreferrer">
      {incident.title}
    </Link>
  ) : (
    <>{incident.title}</>
  );
}

/** The postmortem state of an incident, linked to the postmortem(s) that explain it. */
function PostmortemCell(props: {
  incident: IncidentView;
  documentLink: (id: string) => string;
}) {
  const { postmortem } = props.incident;
  if (postmortem.state === 'written') {
    return (
      <>
        {postmortem.documents.map((document, index) => (
          <span key={document.id}>
            {index > 0 && ', '}
            <Link to={props.documentLink(document.id)}>{document.title}</Link>
          </span>
        ))}
      </>
    );
  }
  return <>{POSTMORTEM_STATE_LABEL[postmortem.state]}</>;
}

/** Incidents of the window, newest first: severity, time to acknowledge, duration and postmortem. */
export function IncidentsTable(props: {
  incidents: IncidentView[];
  documentLink: (id: string) => string;
}) {
  const classes = useStyles();
  return (
    <WholeWordsTable size="small" aria-label="Recent incidents">
      <TableHead>
        <TableRow>
          <TableCell>Started</TableCell>
          <TableCell>Severity</TableCell>
          <TableCell>Incident</TableCell>
          <TableCell align="right">To acknowledge</TableCell>
          <TableCell align="right">Duration</TableCell>
          <TableCell>Postmortem</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.incidents.map(incident => (
          <TableRow
            key={`${incident.source}:${incident.id}`}
            data-testid={`incident-${incident.id}`}
          >
            <TableCell className={classes.short}>
              {formatDay(incident.startedAt)}
            </TableCell>
            <TableCell className={classes.short}>
              {severityLabel(incident.severity)}
            </TableCell>
            <TableCell>
              <IncidentTitle incident={incident} />
              {incident.status !== 'resolved' && ` (${incident.status})`}
            </TableCell>
            <TableCell align="right">
              {formatDuration(incident.timeToAcknowledgeSeconds)}
            </TableCell>
            <TableCell align="right">
              {formatDuration(incident.durationSeconds)}
              {incident.status !== 'resolved' && ' so far'}
            </TableCell>
            <TableCell>
              <PostmortemCell
                incident={incident}
                documentLink={props.documentLink}
              />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </WholeWordsTable>
  );
}
