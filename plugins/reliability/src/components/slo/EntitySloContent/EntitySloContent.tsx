import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import { useEntityReliability } from '../../../hooks';
import { CollectionOverdueNotice } from '../../backgroundWork';
import { SloDefinitionErrors } from '../SloDefinitionErrors';
import { SloHistoryCharts } from '../SloHistoryCharts';
import { useEntitySlos } from '../useEntitySlos';
import { useSloRunbooks } from '../useSloRunbooks';

/**
 * The "SLOs" tab of an entity: each SLO's state and runbooks, error-budget burn-down over the current window (with
 * the entity's incidents shaded) and burn-rate history.
 */
export function EntitySloContent() {
  const { value, loading, error } = useEntitySlos();
  const runbooks = useSloRunbooks();
  // Shaded on every SLO's burn-down: a drop in budget beside the incident that caused it.
  const incidents = useEntityReliability((api, entityRef) =>
    api.getEntityIncidents(entityRef),
  );
  if (loading) return <Progress />;
  if (error || !value) {
    return <ResponseErrorPanel error={error ?? new Error('No response')} />;
  }
  return (
    <Grid container spacing={3}>
      {value.collectionOverdue && (
        <Grid item xs={12}>
          <CollectionOverdueNotice overdue={value.collectionOverdue} />
        </Grid>
      )}
      {value.definitionErrors.length > 0 && (
        <Grid item xs={12}>
          <SloDefinitionErrors errors={value.definitionErrors} />
        </Grid>
      )}
      {value.slos.length === 0 && (
        <Grid item xs={12}>
          <EmptyState
            missing="field"
            title="No valid SLOs"
            description="Fix the SLO definitions above to see error budgets and burn rates here."
          />
        </Grid>
      )}
      {value.slos.map(slo => (
        <Grid item xs={12} lg={6} key={slo.definition.name}>
          <SloHistoryCharts
            slo={slo}
            runbooks={runbooks}
            incidents={incidents}
          />
        </Grid>
      ))}
    </Grid>
  );
}
