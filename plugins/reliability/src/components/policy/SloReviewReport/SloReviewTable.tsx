import {
  formatAttainment,
  formatRatio,
  NO_VALUE,
  policyStateLabel,
  SloReportPeriod,
  SloReportRow,
} from '@internal/backstage-plugin-reliability-common';
import { Fragment } from 'react';
import { WholeWordsTable } from '../../PlainTable';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import { PolicyStateChip } from '../PolicyStateChip';

const NO_WRAP = { whiteSpace: 'nowrap' } as const;

function day(iso: string): string {
  return iso.slice(0, 10);
}

/** One window (last complete or current) of every SLO of the report. */
export function SloReviewTable(props: {
  rows: SloReportRow[];
  period: 'previous' | 'current';
  label: string;
}) {
  return (
    <WholeWordsTable size="small" aria-label={props.label}>
      <TableHead>
        <TableRow>
          <TableCell>Service</TableCell>
          <TableCell>SLO</TableCell>
          <TableCell>Target</TableCell>
          <TableCell>Period</TableCell>
          <TableCell align="right">Attainment</TableCell>
          <TableCell align="right">Budget spent</TableCell>
          <TableCell align="right">Burn alerts (page / ticket)</TableCell>
          <TableCell>Policy changes</TableCell>
          <TableCell>Policy state now</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.rows.map(row => {
          const period: SloReportPeriod = row[props.period];
          return (
            <TableRow key={`${row.entityRef}#${row.sloName}`}>
              <TableCell>{row.entityTitle ?? row.entityRef}</TableCell>
              <TableCell>{row.displayName ?? row.sloName}</TableCell>
              <TableCell>{formatRatio(row.target)}</TableCell>
              <TableCell>
                {/* A date is never split at its hyphens; the period breaks between its two dates. */}
                <span style={NO_WRAP}>{day(period.start)} –</span>{' '}
                <span style={NO_WRAP}>{day(period.end)}</span>
              </TableCell>
              <TableCell align="right">
                {formatAttainment(period.attainment)}
                {period.met === false ? ' (missed)' : ''}
              </TableCell>
              <TableCell align="right">
                {formatRatio(period.budgetSpent, 1)}
              </TableCell>
              <TableCell align="right">
                {period.burnAlerts.page} / {period.burnAlerts.ticket}
              </TableCell>
              <TableCell>
                {period.policyChanges.length === 0
                  ? NO_VALUE
                  : period.policyChanges.map((c, index) => (
                      <Fragment key={`${c.changedAt}#${index}`}>
                        {index > 0 && ', '}
                        {c.fromState
                          ? policyStateLabel(c.fromState)
                          : 'New'} → {policyStateLabel(c.toState)}{' '}
                        <span style={NO_WRAP}>({day(c.changedAt)})</span>
                      </Fragment>
                    ))}
              </TableCell>
              <TableCell>
                {row.policyState && row.policyDecision ? (
                  <PolicyStateChip
                    state={row.policyState}
                    decision={row.policyDecision}
                  />
                ) : (
                  NO_VALUE
                )}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </WholeWordsTable>
  );
}
