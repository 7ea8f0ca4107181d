import {
  SloDefinition,
  SloStatus,
} from '@internal/backstage-plugin-reliability-common';
import Box from '@material-ui/core/Box';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { describeWindow, SLO_HELP } from '../sloFormat';
import { alertThresholdRows } from './alertThresholdRows';
import { useErrorTextClassName } from '../../ErrorText';

/**
 * Which burn-rate alert thresholds apply to an SLO and why: its own alert policies, or the defaults sized
 * for its window, each with the budget share it stands for ("2% of a 7-day budget in 1h = 3.36×").
 */
export function SloAlertThresholds(props: {
  definition: SloDefinition;
  status: SloStatus | null;
}) {
  const { definition, status } = props;
  const { source, rows } = alertThresholdRows(definition, status);
  const errorText = useErrorTextClassName();
  if (rows.length === 0) return null;
  return (
    <Box mt={1} data-testid={`slo-alert-thresholds-${definition.name}`}>
      <Tooltip title={SLO_HELP.thresholds}>
        <Typography variant="caption" color="textSecondary" component="p">
          {source === 'default'
            ? `Default alerts for a ${describeWindow(
                definition.window,
              )} window (the SLO defines no alert policies):`
            : 'Alerts from the SLO’s alert policies:'}
        </Typography>
      </Tooltip>
      <Box component="ul" pl={2} my={0}>
        {rows.map(row => (
          <Typography
            key={row.name}
            variant="caption"
            component="li"
            {...(row.firing
              ? { className: errorText }
              : { color: 'textPrimary' as const })}
          >
            {row.name} ({row.severity}, {row.windows}): {row.explanation}
            {row.firing ? ' · firing' : ''}
            {row.unboundedBurn
              ? ' · unbounded burn: a 100% target saw bad events'
              : ''}
          </Typography>
        ))}
      </Box>
    </Box>
  );
}
