import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  Campaign,
  CampaignSummary,
  Checklist,
} from '@internal/backstage-plugin-reliability-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import LinearProgress from '@material-ui/core/LinearProgress';
import Link from '@material-ui/core/Link';
import Switch from '@material-ui/core/Switch';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { reliabilityApiRef } from '../../../api';
import { CampaignDetailView } from '../CampaignDetailView';
import { CampaignForm } from '../CampaignForm';
import {
  CAMPAIGN_STATUS_LABELS,
  progressText,
  SCHEDULE_LABELS,
  scopeText,
  targetText,
} from '../campaignFormat';
import { AlarmChip } from '../../AlarmChip';

function columns(
  checklist: Checklist,
  open: (id: string) => void,
): TableColumn<CampaignSummary>[] {
  return [
    {
      title: 'Campaign',
      render: ({ campaign }) => (
        <Link
          component="button"
          variant="body2"
          onClick={() => open(campaign.id)}
        >
          {campaign.name}
        </Link>
      ),
    },
    {
      title: 'Target',
      render: ({ campaign }) => targetText(campaign, checklist),
    },
    { title: 'Scope', render: ({ campaign }) => scopeText(campaign) },
    {
      title: 'State',
      render: ({ campaign, schedule }) => (
        <Box display="flex" style={{ gap: 4 }}>
          <Chip size="small" label={CAMPAIGN_STATUS_LABELS[campaign.status]} />
          {campaign.status === 'active' && (
            <AlarmChip
              size="small"
              label={SCHEDULE_LABELS[schedule]}
              alarm={schedule === 'overdue'}
            />
          )}
          {campaign.source === 'file' && (
            <Chip size="small" variant="outlined" label="as code" />
          )}
        </Box>
      ),
    },
    { title: 'Due', render: ({ campaign }) => campaign.dueDate },
    {
      title: 'Progress',
      render: ({ progress }) => (
        <Box minWidth={160}>
          <Typography variant="body2">{progressText(progress)}</Typography>
          <LinearProgress variant="determinate" value={progress.percent ?? 0} />
        </Box>
      ),
    },
  ];
}

/**
 * The "Campaigns" tab of the org page: every campaign with its progress; one campaign's page (per team, per
 * service, burn-up; `?campaign=<id>` links to it); and, for holders of `reliability.campaign.manage`, creating
 * and editing campaigns.
 */
export function CampaignsTabContent() {
  const api = useApi(reliabilityApiRef);
  // `?campaign=<id>` opens one campaign (the link of campaign notifications).
  const [searchParams, setSearchParams] = useSearchParams();
  const selected = searchParams.get('campaign') ?? undefined;
  const setSelected = (id: string | undefined) =>
    setSearchParams(id ? { campaign: id } : {});
  const [editing, setEditing] = useState<Campaign | 'new'>();
  const [showArchived, setShowArchived] = useState(false);
  const [reloadKey, setReloadKey] = useState(0);
  const { value, error, retry } = useAsyncRetry(async () => {
    const [list, checklist] = await Promise.all([
      api.listCampaigns({ status: 'all' }),
      api.getChecklist(),
    ]);
    return { list, checklist };
  }, [api]);

  if (error) return <ResponseErrorPanel error={error} />;
  if (!value) return <Progress />;
  const { list, checklist } = value;

  const form = editing && (
    <CampaignForm
      checklist={checklist}
      campaign={editing === 'new' ? undefined : editing}
      onClose={() => setEditing(undefined)}
      onSaved={campaign => {
        setEditing(undefined);
        setSelected(campaign.id);
        setReloadKey(k => k + 1);
        retry();
      }}
    />
  );

  if (selected) {
    return (
      <>
        <CampaignDetailView
          id={selected}
          checklist={checklist}
          reloadKey={reloadKey}
          onBack={() => setSelected(undefined)}
          onEdit={detail => setEditing(detail.campaign)}
        />
        {form}
      </>
    );
  }

  const shown = list.campaigns.filter(
    c => showArchived || c.campaign.status !== 'archived',
  );
  return (
    <>
      <Box display="flex" alignItems="center" mb={2} style={{ gap: 16 }}>
        <Typography variant="body2" color="textSecondary" style={{ flex: 1 }}>
          A campaign asks the services in its scope to reach a target by a due
          date. Each service sees the campaigns that concern it on its
          Reliability tab.
        </Typography>
        <FormControlLabel
          control={
            <Switch
              checked={showArchived}
              onChange={e => setShowArchived(e.target.checked)}
            />
          }
          label="Show archived"
        />
        {list.canManage && (
          <Button
            variant="contained"
            color="primary"
            onClick={() => setEditing('new')}
          >
            New campaign
          </Button>
        )}
      </Box>
      {shown.length === 0 ? (
        <EmptyState
          missing="data"
          title="No campaigns yet"
          description={
            list.canManage
              ? 'Start one: pick a target (a maturity level or checklist items), a scope and a due date.'
              : 'Reliability admins start campaigns; they appear here with their progress.'
          }
        />
      ) : (
        <Table
          title="Campaigns"
          options={{ paging: false, search: false, padding: 'dense' }}
          columns={columns(checklist, setSelected)}
          data={shown}
        />
      )}
      {form}
    </>
  );
}
