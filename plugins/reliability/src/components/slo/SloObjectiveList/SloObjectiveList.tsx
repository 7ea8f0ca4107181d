import {
  formatAttainment,
  formatBudgetRemaining,
  formatRatio,
  SloObjectiveStatus,
} from '@internal/backstage-plugin-reliability-common';
import Box from '@material-ui/core/Box';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { attainmentSource } from '../attainmentSource';
import { targetUnitText } from '../sloFormat';
import { useErrorTextClassName } from '../../ErrorText';

function lastWindowText(objective: SloObjectiveStatus): string {
  const met = objective.lastWindow?.met;
  if (met === undefined || met === null) return 'last window: no data';
  return met ? 'last window met' : 'last window missed';
}

/**
 * Every objective of a multi-objective SLO on one line each: target, attainment, budget and whether
 * its last window was met. `alertingIndex` marks the objective the SLO's alerts use (highest target).
 */
export function SloObjectiveList(props: {
  objectives: SloObjectiveStatus[];
  alertingIndex?: number;
}) {
  const { objectives, alertingIndex } = props;
  const errorText = useErrorTextClassName();
  if (objectives.length < 2) return null;
  return (
    <Box mt={1} component="ul" pl={2} my={0}>
      {objectives.map((objective, i) => (
        <Typography
          key={i}
          variant="caption"
          component="li"
          {...(objective.lastWindow?.met === false
            ? { className: errorText }
            : { color: 'textPrimary' as const })}
        >
          <Tooltip
            title={
              i === alertingIndex
                ? 'Highest target: the burn-rate alerts are evaluated against this objective'
                : ''
            }
          >
            <span>
              {objective.displayName ?? `Objective ${i + 1}`}:{' '}
              {formatRatio(objective.target)}
              {targetUnitText(objective)} · attained{' '}
              {objective.attainment === null
                ? 'no data'
                : formatAttainment(attainmentSource(objective))}{' '}
              · budget {formatBudgetRemaining(objective.budgetRemaining)} ·{' '}
              {lastWindowText(objective)}
              {i === alertingIndex ? ' · alerts' : ''}
            </span>
          </Tooltip>
        </Typography>
      ))}
    </Box>
  );
}
