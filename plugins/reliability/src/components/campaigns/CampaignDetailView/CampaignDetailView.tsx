import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  CampaignDetail,
  CampaignServiceProgress,
  CampaignTeamProgress,
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
import {
  CAMPAIGN_STATUS_LABELS,
  progressText,
  SCHEDULE_LABELS,
  scopeText,
  targetText,
} from '../campaignFormat';
import { BurnUpChart } from './BurnUpChart';
import { AlarmChip } from '../../AlarmChip';

const name = (ref: string) => ref.replace(/^[^:]+:(default\/)?/, '');

function teamColumns(): TableColumn<CampaignTeamProgress>[] {
  return [
    {
      title: 'Team',
      render: t =>
        t.team === 'unassigned' ? (
          'no owner'
        ) : (
          <EntityRefLink entityRef={t.team} defaultKind="group" />
        ),
    },
    { title: 'Services', field: 'services', type: 'numeric' },
    { title: 'Done', field: 'done', type: 'numeric' },
    {
      title: 'Progress',
      render: t => (
        <LinearProgress
          variant="determinate"
          value={t.services > 0 ? (100 * t.done) / t.services : 0}
          aria-label={`${name(t.team)}: ${t.done} of ${t.services} done`}
        />
      ),
    },
  ];
}

function serviceColumns(
  checklist?: Checklist,
): TableColumn<CampaignServiceProgress>[] {
  const title = (id: string) =>
    checklist?.items.find(i => i.id === id)?.title ?? id;
  return [
    {
      title: 'Service',
      render: s => <EntityRefLink entityRef={s.entityRef} />,
    },
    { title: 'Team', render: s => name(s.owner) },
    {
      title: 'Status',
      render: s => (
        <Chip
          size="small"
          label={s.done ? 'Done' : `${s.left.length} left`}
          color={s.done ? 'primary' : 'default'}
        />
      ),
    },
    {
      title: 'What is left',
      render: s => (s.done ? '—' : s.left.map(title).join(', ')),
    },
  ];
}

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
        <Table
          title="Progress per team"
          options={{ paging: false, search: false, padding: 'dense' }}
          columns={teamColumns()}
          data={progress.teams}
        />
      </Grid>
      <Grid item xs={12}>
        <Table
          title="Services in scope"
          options={{ pageSize: 20, search: true, padding: 'dense' }}
          columns={serviceColumns(checklist)}
          data={value.services}
        />
      </Grid>
    </Grid>
  );
}
