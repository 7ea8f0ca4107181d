import { lazy, Suspense } from 'react';
import Grid from '@material-ui/core/Grid';
import { Progress } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { ReliabilitySourcesCard } from '../ReliabilitySourcesCard';
import { EntityOnCallCard } from '../oncall/EntityOnCallCard';
import { EntitySloCard } from '../slo/EntitySloCard';
import { EntityRunbooksCard } from '../runbooks/EntityRunbooksCard';
import { EntityMaturityCard } from '../checklist/EntityMaturityCard';
import { EntityIncidentsCard } from '../incidents';
import { EntityAlertsCard } from '../alerts';
import { EntityCampaignsCard } from '../campaigns';
import { EntityPolicyCard, sloReviewScope } from '../policy';

/*
 * Only groups and systems show the SLO review report, so it loads as a chunk of its own (the one the groups'
 * Reliability review tab loads) instead of being part of every service page's chunk.
 */
const EntitySloReviewCard = lazy(() =>
  import('../../lazy/sloReview').then(m => ({
    default: m.EntitySloReviewCard,
  })),
);

/** The "Reliability" tab of an entity: SLOs, on-call, runbooks and the maturity score side by side. */
export function EntityReliabilityContent() {
  const { entity } = useEntity();
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
      <Grid item xs={12} md={6}>
        <EntityCampaignsCard />
      </Grid>
      <Grid item xs={12}>
        <EntityIncidentsCard />
      </Grid>
      <Grid item xs={12}>
        <EntityAlertsCard />
      </Grid>
      {sloReviewScope(entity) && (
        <Grid item xs={12}>
          <Suspense fallback={<Progress />}>
            <EntitySloReviewCard />
          </Suspense>
        </Grid>
      )}
    </Grid>
  );
}
