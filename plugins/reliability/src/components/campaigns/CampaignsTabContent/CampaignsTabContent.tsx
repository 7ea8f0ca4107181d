import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { Campaign } from '@internal/backstage-plugin-reliability-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Switch from '@material-ui/core/Switch';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { reliabilityApiRef } from '../../../api';
import { PlainTable } from '../../PlainTable';
import { CampaignDetailView } from '../CampaignDetailView';
import { CampaignForm } from '../CampaignForm';
import { campaignColumns } from './campaignColumns';

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
        <Typography variant="body2" style={{ flex: 1 }}>
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
        <PlainTable
          title="Campaigns"
          columns={campaignColumns(checklist, setSelected)}
          rows={shown}
          rowKey={({ campaign }) => campaign.id}
          loading={false}
        />
      )}
      {form}
    </>
  );
}
