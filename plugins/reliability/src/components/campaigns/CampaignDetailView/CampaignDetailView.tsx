import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  CampaignDetail,
  Checklist,
} from '@internal/backstage-plugin-reliability-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Grid from '@material-ui/core/Grid';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { reliabilityApiRef } from '../../../api';
import { PlainTable } from '../../PlainTable';
import {
  CAMPAIGN_STATUS_LABELS,
  progressText,
  SCHEDULE_LABELS,
  scopeText,
  targetText,
} from '../campaignFormat';
import { BurnUpChart } from './BurnUpChart';
import { AlarmChip } from '../../AlarmChip';
import {
  serviceColumns,
  serviceFilter,
  teamColumns,
} from './campaignDetailColumns';

/** Services per page. */
const PAGE_SIZE = 20;

/** The page of one campaign: why, target, scope, progress per team, what is left per service, burn-up. */
export function CampaignDetailView(props: {
  id: string;
  checklist?: Checklist;
  reloadKey?: number;
  onEdit?: (detail: CampaignDetail) => void;
  onBack?: () => void;
}) {
  const { id, checklist, reloadKey, onEdit, onBack } = props;
  const api = useApi(reliabilityApiRef);
  const { value, loading, error } = useAsync(
    () => api.getCampaign(id),
    [api, id, reloadKey],
  );
  if (error) return <ResponseErrorPanel error={error} />;
  if (loading || !value) return <Progress />;
  const { campaign, progress } = value;

  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <InfoCard title={campaign.name}>
          <Box display="flex" flexDirection="column" style={{ gap: 8 }}>
            <Box display="flex" style={{ gap: 8 }}>
              <Chip
                size="small"
                label={CAMPAIGN_STATUS_LABELS[campaign.status]}
              />
              {campaign.status === 'active' && (
                <AlarmChip
                  size="small"
                  label={SCHEDULE_LABELS[value.schedule]}
                  alarm={value.schedule === 'overdue'}
                />
              )}
              {campaign.source === 'file' && (
                <Chip size="small" variant="outlined" label="Kept as code" />
              )}
            </Box>
            <Typography variant="body1">{campaign.why}</Typography>
            <Typography variant="body2">
              <strong>{targetText(campaign, checklist)}</strong> ·{' '}
              {scopeText(campaign)} · {campaign.startDate} to {campaign.dueDate}
            </Typography>
            <Typography variant="body2" aria-label="Campaign progress">
              {progressText(progress)}
            </Typography>
            <LinearProgress
              variant="determinate"
              value={progress.percent ?? 0}
              aria-label={`Campaign progress: ${progressText(progress)}`}
            />
            <Box display="flex" style={{ gap: 8 }} mt={1}>
              {onBack && <Button onClick={onBack}>All campaigns</Button>}
              {value.canManage && onEdit && (
                <Button
                  variant="outlined"
                  color="primary"
                  onClick={() => onEdit(value)}
                >
                  Edit campaign
                </Button>
              )}
            </Box>
          </Box>
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <InfoCard title="Burn-up">
          <BurnUpChart snapshots={value.burnUp} dueDate={campaign.dueDate} />
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <PlainTable
          title="Progress per team"
          columns={teamColumns}
          rows={progress.teams}
          rowKey={t => t.team}
          loading={false}
        />
      </Grid>
      <Grid item xs={12}>
        <PlainTable
          title="Services in scope"
          columns={serviceColumns(checklist)}
          rows={value.services}
          rowKey={s => s.entityRef}
          loading={false}
          pageSize={PAGE_SIZE}
          filter={serviceFilter(checklist)}
        />
      </Grid>
    </Grid>
  );
}
