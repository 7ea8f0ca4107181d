import { SeverityResponseTimes } from '@internal/backstage-plugin-reliability-common';
import { WholeWordsTable } from '../../PlainTable';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import { GlossaryTerm } from '../../overview/GlossaryTab';
import { formatDuration, severityLabel } from '../incidentFormat';

/** MTTA and MTTR per severity; the samples behind each mean are shown, so a mean of one incident reads as such. */
export function ResponseTimesTable(props: { rows: SeverityResponseTimes[] }) {
  return (
    <WholeWordsTable size="small" aria-label="Response times per severity">
      <TableHead>
        <TableRow>
          <TableCell>Severity</TableCell>
          <TableCell align="right">Incidents</TableCell>
          <TableCell align="right">MTTA</TableCell>
          <TableCell align="right">
            <GlossaryTerm term="mttr">MTTR</GlossaryTerm>
          </TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.rows.map(row => (
          <TableRow key={row.severity} data-testid={`mtt-${row.severity}`}>
            <TableCell>{severityLabel(row.severity)}</TableCell>
            <TableCell align="right">{row.incidents}</TableCell>
            <TableCell align="right" title={`${row.acknowledged} acknowledged`}>
              {formatDuration(row.mttaSeconds)}
            </TableCell>
            <TableCell align="right" title={`${row.resolved} resolved`}>
              {formatDuration(row.mttrSeconds)}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </WholeWordsTable>
  );
}
