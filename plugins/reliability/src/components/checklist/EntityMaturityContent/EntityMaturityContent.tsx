import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import { useState } from 'react';
import { AssessmentWizard } from '../AssessmentWizard';
import { EntityMaturityCard } from '../EntityMaturityCard';
import { ExemptionsPanel } from '../ExemptionsPanel';
import { MaturityHistoryChart } from '../MaturityHistoryChart';
import { useMaturity } from '../useMaturity';

/** The "Maturity" tab of an entity: current score, history, the self-assessment wizard and exemptions. */
export function EntityMaturityContent() {
  const { value, error, retry } = useMaturity();
  const [version, setVersion] = useState(0);
  const refresh = () => {
    setVersion(v => v + 1);
    retry();
  };

  const wizard = () => {
    if (error) return <ResponseErrorPanel error={error} />;
    if (!value) return <Progress />;
    return (
      <AssessmentWizard
        key={value.checklist.version}
        checklist={value.checklist}
        maturity={value.maturity}
        onChanged={refresh}
      />
    );
  };

  return (
    <Grid container spacing={3} alignItems="stretch">
      <Grid item xs={12} md={5}>
        <EntityMaturityCard key={`card-${version}`} linkToWizard={false} />
      </Grid>
      <Grid item xs={12} md={7}>
        <MaturityHistoryChart reloadKey={version} />
      </Grid>
      <Grid item xs={12}>
        <InfoCard
          title={
            value && !value.maturity.canSubmit
              ? 'Checklist (read-only)'
              : 'Self-assessment'
          }
        >
          {wizard()}
        </InfoCard>
      </Grid>
      {value && (
        <Grid item xs={12}>
          <ExemptionsPanel checklist={value.checklist} onChanged={refresh} />
        </Grid>
      )}
    </Grid>
  );
}
