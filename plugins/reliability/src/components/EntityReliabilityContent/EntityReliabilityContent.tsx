import Grid from '@material-ui/core/Grid';
import { ReliabilitySourcesCard } from '../ReliabilitySourcesCard';
import { EntityOnCallCard } from '../oncall/EntityOnCallCard';
import { EntitySloCard } from '../slo/EntitySloCard';
import { EntityRunbooksCard } from '../runbooks/EntityRunbooksCard';
import { EntityMaturityCard } from '../checklist/EntityMaturityCard';
import { EntityPolicyCard } from '../policy/EntityPolicyCard';

/** The "Reliability" tab of an entity: SLOs, on-call, runbooks and the maturity score side by side. */
export function EntityReliabilityContent() {
  return (
    <Grid container spacing={3} alignItems="stretch">
      <Grid item xs={12} md={6}>
        <EntitySloCard />
      </Grid>
      <Grid item xs={12} md={6}>
        <EntityOnCallCard />
      </Grid>
      <Grid item xs={12} md={6}>
        <EntityRunbooksCard />
      </Grid>
      <Grid item xs={12} md={6}>
        <EntityMaturityCard />
      </Grid>
      <Grid item xs={12} md={6}>
        <ReliabilitySourcesCard />
      </Grid>
      <Grid item xs={12} md={6}>
        <EntityPolicyCard />
      </Grid>
    </Grid>
  );
}
