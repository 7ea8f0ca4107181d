import { useApi } from '@backstage/core-plugin-api';
import {
  Campaign,
  CAMPAIGN_STATUSES,
  Checklist,
} from '@internal/backstage-plugin-reliability-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import { reliabilityApiRef } from '../../../api';
import { CAMPAIGN_STATUS_LABELS } from '../campaignFormat';
import {
  CampaignDraft,
  draftOf,
  draftProblems,
  inputOf,
  slugOf,
} from './campaignDraft';
import { ErrorText } from '../../ErrorText';

/**
 * Creates or edits a campaign (for holders of `reliability.campaign.manage`): name, why, target (a level or
 * items), scope filters, dates and state.
 */
export function CampaignForm(props: {
  checklist: Checklist;
  /** The campaign to edit; a new one when undefined. */
  campaign?: Campaign;
  today?: Date;
  onClose: () => void;
  onSaved: (campaign: Campaign) => void;
}) {
  const { checklist, campaign, today = new Date(), onClose, onSaved } = props;
  const api = useApi(reliabilityApiRef);
  const [draft, setDraft] = useState<CampaignDraft>(() =>
    draftOf(campaign, today, checklist.levels[0]?.id ?? ''),
  );
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);
  const problems = draftProblems(draft);
  const set = (changes: Partial<CampaignDraft>) =>
    setDraft(d => ({ ...d, ...changes }));
  const text = (
    field: keyof CampaignDraft,
    label: string,
    extra: Record<string, unknown> = {},
  ) => (
    <TextField
      id={`campaign-${field}`}
      label={label}
      value={draft[field] as string}
      onChange={e => set({ [field]: e.target.value })}
      fullWidth
      {...extra}
    />
  );

  const save = async () => {
    setSaving(true);
    setError(undefined);
    try {
      onSaved(await api.putCampaign(draft.id, inputOf(draft)));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth>
      <DialogTitle>{campaign ? 'Edit campaign' : 'New campaign'}</DialogTitle>
      <DialogContent>
        <Box display="flex" flexDirection="column" style={{ gap: 12 }}>
          {text('name', 'Name', {
            onChange: (e: { target: { value: string } }) =>
              set({
                name: e.target.value,
                ...(campaign ? {} : { id: slugOf(e.target.value) }),
              }),
            helperText: campaign ? `Id: ${draft.id}` : `Id: ${draft.id || '—'}`,
          })}
          {text('why', 'Why it matters', { multiline: true, minRows: 2 })}
          <Box display="flex" style={{ gap: 12 }}>
            {text('targetKind', 'Target', {
              select: true,
              children: [
                <MenuItem key="level" value="level">
                  Reach a maturity level
                </MenuItem>,
                <MenuItem key="items" value="items">
                  Pass checklist items
                </MenuItem>,
              ],
            })}
            {draft.targetKind === 'level' ? (
              text('level', 'Level', {
                select: true,
                children: checklist.levels.map(l => (
                  <MenuItem key={l.id} value={l.id}>
                    {l.title}
                  </MenuItem>
                )),
              })
            ) : (
              <TextField
                id="campaign-itemIds"
                label="Items"
                select
                fullWidth
                SelectProps={{ multiple: true }}
                value={draft.itemIds}
                onChange={e =>
                  set({ itemIds: e.target.value as unknown as string[] })
                }
              >
                {checklist.items.map(i => (
                  <MenuItem key={i.id} value={i.id}>
                    {i.title}
                  </MenuItem>
                ))}
              </TextField>
            )}
          </Box>
          <Typography variant="subtitle2">
            Scope (comma-separated; empty matches every service)
          </Typography>
          <Box display="flex" style={{ gap: 12 }}>
            {text('tiers', 'Tiers', { placeholder: 'tier-1, tier-2' })}
            {text('lifecycles', 'Lifecycles', { placeholder: 'production' })}
          </Box>
          <Box display="flex" style={{ gap: 12 }}>
            {text('owners', 'Teams', { placeholder: 'checkout-payments' })}
            {text('systems', 'Systems')}
            {text('domains', 'Domains')}
          </Box>
          <Box display="flex" style={{ gap: 12 }}>
            {text('startDate', 'Start', {
              type: 'date',
              InputLabelProps: { shrink: true },
            })}
            {text('dueDate', 'Due', {
              type: 'date',
              InputLabelProps: { shrink: true },
            })}
            {text('status', 'State', {
              select: true,
              children: CAMPAIGN_STATUSES.map(s => (
                <MenuItem key={s} value={s}>
                  {CAMPAIGN_STATUS_LABELS[s]}
                </MenuItem>
              )),
            })}
          </Box>
          {problems.length > 0 && (
            <Typography variant="body2" color="textSecondary">
              {problems.join(' ')}
            </Typography>
          )}
          {error && (
            <ErrorText variant="body2" role="alert">
              {error}
            </ErrorText>
          )}
        </Box>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button
          variant="contained"
          color="primary"
          disabled={problems.length > 0 || saving}
          onClick={save}
        >
          Save campaign
        </Button>
      </DialogActions>
    </Dialog>
  );
}
