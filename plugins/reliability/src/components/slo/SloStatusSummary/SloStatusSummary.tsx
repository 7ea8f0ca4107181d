import {
  alertingObjective,
  EntitySlo,
  errorBudgetState,
  formatAttainment,
  formatBudgetRemaining,
  formatBurnRate,
  formatDuration,
  formatRatio,
} from '@internal/backstage-plugin-reliability-common';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { ReactNode } from 'react';
import { GlossaryTerm } from '../../overview/GlossaryTab';
import { SloAlertChip } from '../SloAlertChip';
import { SloAlertThresholds } from '../SloAlertThresholds';
import { attainmentSource } from '../attainmentSource';
import { SloBudgetBar } from '../SloBudgetBar';
import { SloObjectiveList } from '../SloObjectiveList';
import { SloRunbookLinks } from '../SloRunbookLinks';
import { SloRunbooks } from '../useSloRunbooks';
import {
  describeWindow,
  headlineBurnRate,
  SLO_HELP,
  targetUnitText,
} from '../sloFormat';
import { ErrorText } from '../../ErrorText';

function Metric(props: {
  label: ReactNode;
  help: string;
  children: ReactNode;
}) {
  return (
    <Tooltip title={props.help}>
      <Box>
        <Typography variant="caption" color="textSecondary">
          {props.label}
        </Typography>
        <Typography variant="body2">{props.children}</Typography>
      </Box>
    </Tooltip>
  );
}

/**
 * One SLO at a glance: target, attainment, error budget remaining, burn rate, alert state, runbook,
 * and what is wrong when the data is missing or stale.
 */
export function SloStatusSummary(props: {
  slo: EntitySlo;
  /** The entity's runbooks linked to SLOs (see useSloRunbooks). */
  runbooks: SloRunbooks;
}) {
  const { definition, status } = props.slo;
  // The headline is the objective with the highest target (the one alerts use), as computed by the backend.
  const target = status?.target ?? alertingObjective(definition)?.target;
  const windowText = describeWindow(definition.window);
  const unitText = targetUnitText({
    budgetingMethod: definition.budgetingMethod,
    countUnit: status?.countUnit,
  });
  return (
    <Box mb={2}>
      <Box display="flex" alignItems="center" justifyContent="space-between">
        <Typography variant="subtitle1">
          {definition.displayName ?? definition.name}
        </Typography>
        <SloAlertChip
          state={status?.alertState ?? 'unknown'}
          stale={status?.stale}
        />
      </Box>
      <Grid container spacing={2}>
        <Grid item xs={6} sm={3}>
          <Metric
            label="Target"
            help={`${SLO_HELP.target} Window: ${windowText}.`}
          >
            {formatRatio(target)}
            {unitText && (
              <GlossaryTerm term="time-slices" tooltip={false}>
                {unitText}
              </GlossaryTerm>
            )}{' '}
            · {windowText}
          </Metric>
        </Grid>
        <Grid item xs={6} sm={3}>
          <Metric
            label={
              <GlossaryTerm term="attainment" tooltip={false}>
                Attainment
              </GlossaryTerm>
            }
            help={SLO_HELP.attainment}
          >
            {status?.attainment === null || !status
              ? 'no data'
              : formatAttainment(attainmentSource(status))}
          </Metric>
        </Grid>
        <Grid item xs={6} sm={3}>
          <Metric
            label={
              <>
                <GlossaryTerm term="burn-rate" tooltip={false}>
                  Burn rate
                </GlossaryTerm>{' '}
                (1h)
              </>
            }
            help={SLO_HELP.burnRate}
          >
            {formatBurnRate(headlineBurnRate(status))}
          </Metric>
        </Grid>
        <Grid item xs={6} sm={3}>
          <Metric label="Budget gone in" help={SLO_HELP.exhaustion}>
            {status?.timeToExhaustionSeconds === null || !status
              ? 'not burning'
              : formatDuration(status.timeToExhaustionSeconds)}
          </Metric>
        </Grid>
      </Grid>
      <Tooltip title={SLO_HELP.budget}>
        <Box mt={1}>
          <Typography variant="caption" color="textSecondary">
            <GlossaryTerm term="error-budget" tooltip={false}>
              Error budget: {formatBudgetRemaining(status?.budgetRemaining)}
              {target === 1 &&
              errorBudgetState(status?.budgetRemaining) === 'exhausted'
                ? ' (100% target: there is no budget, any bad event exhausts it)'
                : ''}
            </GlossaryTerm>
          </Typography>
          <SloBudgetBar remaining={status?.budgetRemaining ?? null} />
        </Box>
      </Tooltip>
      <SloAlertThresholds definition={definition} status={status} />
      {status?.objectives && (
        <SloObjectiveList
          objectives={status.objectives}
          alertingIndex={status.objectiveIndex}
        />
      )}
      <Box mt={0.5} display="flex" justifyContent="space-between">
        <SloRunbookLinks slo={definition} runbooks={props.runbooks} />
        {status && (
          <Box flexShrink={0} ml={1}>
            <Typography variant="caption" color="textSecondary">
              Data: {status.dataSource}
            </Typography>
          </Box>
        )}
      </Box>
      {status?.error && (
        <ErrorText variant="caption" component="p">
          {status.stale && status.total !== null
            ? `Stale: showing data from ${new Date(
                status.collectedAt,
              ).toLocaleString()}. `
            : 'No data: '}
          {status.error}
        </ErrorText>
      )}
    </Box>
  );
}
