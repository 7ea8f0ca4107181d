import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
  WarningPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { SloReportScope } from '@internal/backstage-plugin-reliability-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { reliabilityApiRef } from '../../../api';
import { BudgetSpendersTable } from './BudgetSpendersTable';
import { downloadText } from './downloadText';
import { PeriodActivity } from './PeriodActivity';
import { SloReviewTable } from './SloReviewTable';

const useStyles = makeStyles({
  // The buttons are for the screen; a printed report shows the tables only.
  actions: { '@media print': { display: 'none' } },
});

/**
 * The SLO review report of a team or a system, for the review meeting: each SLO over its last complete window and
 * its current one (attainment, budget spent, burn alerts, policy changes), and the runbooks reviewed and checklist
 * assessments of the period. Printable (the browser's print), and
 * exported as Markdown (copied, to paste into a meeting note) or CSV.
 */
export function SloReviewReport(props: { scope: SloReportScope }) {
  const api = useApi(reliabilityApiRef);
  const classes = useStyles();
  const { scope } = props;
  const scopeKey = scope.owner ?? scope.system;
  const { value, loading, error } = useAsync(
    () => api.getSloReport(scope),
    [api, scopeKey],
  );
  const [copied, setCopied] = useState<string | null>(null);
  const title = 'SLO review';

  if (loading) {
    return (
      <InfoCard title={title}>
        <Progress />
      </InfoCard>
    );
  }
  if (error || !value) {
    return (
      <InfoCard title={title}>
        <ResponseErrorPanel error={error ?? new Error('No report')} />
      </InfoCard>
    );
  }

  const copyMarkdown = async () => {
    const markdown = await api.getSloReportText(scope, 'markdown');
    await window.navigator.clipboard?.writeText(markdown);
    setCopied('Markdown copied: paste it into the meeting note.');
  };
  const downloadCsv = async () => {
    const csv = await api.getSloReportText(scope, 'csv');
    downloadText(
      csv,
      `slo-review-${value.scope.ref.replace(/[^a-z0-9-]+/g, '-')}.csv`,
      'text/csv',
    );
  };
  const notes = value.rows.flatMap(row =>
    (['previous', 'current'] as const).flatMap(period =>
      row[period].notes.map(
        note =>
          `${row.displayName ?? row.sloName} (${
            period === 'previous' ? 'last complete window' : 'current window'
          }): ${note}`,
      ),
    ),
  );

  return (
    <InfoCard
      title={title}
      subheader={`${value.scope.ref} · generated ${value.generatedAt
        .slice(0, 16)
        .replace('T', ' ')} UTC`}
    >
      <Box className={classes.actions} display="flex" mb={2}>
        <Box mr={1}>
          <Button variant="outlined" size="small" onClick={copyMarkdown}>
            Copy as Markdown
          </Button>
        </Box>
        <Box mr={1}>
          <Button variant="outlined" size="small" onClick={downloadCsv}>
            Download CSV
          </Button>
        </Box>
        <Button variant="outlined" size="small" onClick={() => window.print()}>
          Print
        </Button>
        {copied && (
          <Box ml={2} alignSelf="center">
            <Typography variant="body2">{copied}</Typography>
          </Box>
        )}
      </Box>
      {value.truncated && (
        <WarningPanel
          severity="info"
          title={`The report covers the first ${
            new Set(value.rows.map(row => row.entityRef)).size
          } services with SLOs; more match.`}
        />
      )}
      {value.rows.length === 0 ? (
        <EmptyState
          missing="data"
          title="No SLOs to review"
          description="None of the entities in scope declares SLOs."
        />
      ) : (
        <>
          <Typography variant="h6" component="h2">
            Last complete window
          </Typography>
          <SloReviewTable
            rows={value.rows}
            period="previous"
            label="Last complete window"
          />
          <Box mt={3}>
            <Typography variant="h6" component="h2">
              Current window
            </Typography>
          </Box>
          <SloReviewTable
            rows={value.rows}
            period="current"
            label="Current window"
          />
          {value.rows.some(
            row =>
              row.previous.episodes.length + row.current.episodes.length > 0,
          ) && (
            <Box mt={3}>
              <Typography variant="h6" component="h2">
                Budget spent by alert episode
              </Typography>
              <BudgetSpendersTable report={value} />
            </Box>
          )}
          <PeriodActivity report={value} />
          {notes.length > 0 && (
            <Box mt={2}>
              {notes.map(note => (
                <Typography key={note} variant="body2" color="textSecondary">
                  {note}
                </Typography>
              ))}
            </Box>
          )}
        </>
      )}
    </InfoCard>
  );
}
