import {
  formatRatio,
  SloReport,
  utcMinute,
} from '@internal/backstage-plugin-reliability-common';
import { WholeWordsTable } from '../../PlainTable';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';

/** Most episodes listed. */
const MAX_ROWS = 10;

/** The burn-rate alert episodes of the report's SLOs that spent the most error budget, biggest first. */
export function BudgetSpendersTable(props: { report: SloReport }) {
  const episodes = props.report.rows
    .flatMap(row =>
      (['previous', 'current'] as const).flatMap(period =>
        row[period].episodes.map(episode => ({ row, period, episode })),
      ),
    )
    .sort(
      (a, b) =>
        (b.episode.budgetSpent ?? Number.NEGATIVE_INFINITY) -
        (a.episode.budgetSpent ?? Number.NEGATIVE_INFINITY),
    )
    .slice(0, MAX_ROWS);
  if (episodes.length === 0) return null;
  return (
    <WholeWordsTable size="small" aria-label="Budget spent by alert episode">
      <TableHead>
        <TableRow>
          <TableCell>Service</TableCell>
          <TableCell>SLO</TableCell>
          <TableCell>Window</TableCell>
          <TableCell>Severity</TableCell>
          <TableCell>From</TableCell>
          <TableCell>To</TableCell>
          <TableCell align="right">Budget spent</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {episodes.map(({ row, period, episode }) => (
          <TableRow key={`${row.entityRef}#${row.sloName}#${episode.start}`}>
            <TableCell>{row.entityTitle ?? row.entityRef}</TableCell>
            <TableCell>{row.displayName ?? row.sloName}</TableCell>
            <TableCell>
              {period === 'previous' ? 'last complete' : 'current'}
            </TableCell>
            <TableCell>{episode.severity}</TableCell>
            <TableCell>{utcMinute(episode.start)}</TableCell>
            <TableCell>
              {episode.end ? utcMinute(episode.end) : 'still firing'}
            </TableCell>
            <TableCell align="right">
              {formatRatio(episode.budgetSpent, 1)}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </WholeWordsTable>
  );
}
