import { RunbookCoverage } from '@internal/backstage-plugin-reliability-common';
import Box from '@material-ui/core/Box';
import IconButton from '@material-ui/core/IconButton';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import InfoOutlined from '@material-ui/icons/InfoOutlined';
import { useId } from 'react';
import { describeCoverage, formatCoverage } from '../runbookFormat';

const EXPLANATION =
  "Share of the alert policies of this entity's SLOs that link a runbook. An alert is covered by its own runbook field, its SLO's runbook field, or a runbook whose front-matter 'answers' names the alert or the SLO.";

/** The SLO-alert coverage figure with a one-line explanation, and alerts still lacking a runbook. */
export function RunbookCoverageSummary(props: { coverage: RunbookCoverage }) {
  const { coverage } = props;
  const uncovered = coverage.alerts.filter(a => a.runbook === null);
  const explanationId = useId();
  return (
    <Box mb={2}>
      <Box display="flex" alignItems="baseline" style={{ gap: 8 }}>
        <Typography variant="h4" component="span" aria-label="Runbook coverage">
          {formatCoverage(coverage.ratio)}
        </Typography>
        <Typography variant="body2" component="span">
          SLO alert coverage
        </Typography>
        {/* A button, so the explanation shows on keyboard focus too (an icon alone cannot take focus). */}
        <Tooltip title={EXPLANATION}>
          <IconButton
            size="small"
            aria-label="How coverage is computed"
            aria-describedby={explanationId}
          >
            <InfoOutlined fontSize="small" />
          </IconButton>
        </Tooltip>
        <span id={explanationId} hidden>
          {EXPLANATION}
        </span>
      </Box>
      <Typography variant="body2" color="textSecondary">
        {describeCoverage(coverage)}
      </Typography>
      {uncovered.length > 0 && (
        <Typography variant="body2" color="textSecondary">
          Without a runbook:{' '}
          {uncovered
            .map(
              a => `${a.slo} / ${a.alert}${a.problem ? ` (${a.problem})` : ''}`,
            )
            .join(', ')}
        </Typography>
      )}
    </Box>
  );
}
