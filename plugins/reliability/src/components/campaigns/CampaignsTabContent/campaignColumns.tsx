import {
  CampaignSummary,
  Checklist,
} from '@internal/backstage-plugin-reliability-common';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import LinearProgress from '@material-ui/core/LinearProgress';
import Link from '@material-ui/core/Link';
import Typography from '@material-ui/core/Typography';
import { compareBy, PlainTableColumn } from '../../PlainTable';
import {
  CAMPAIGN_STATUS_LABELS,
  progressText,
  SCHEDULE_LABELS,
  scopeText,
  targetText,
} from '../campaignFormat';
import { AlarmChip } from '../../AlarmChip';

/**
 * Columns of the campaigns list: the name opens the campaign; name, due date and progress sort on the client.
 */
export function campaignColumns(
  checklist: Checklist,
  open: (id: string) => void,
): PlainTableColumn<CampaignSummary>[] {
  return [
    {
      title: 'Campaign',
      sort: compareBy(({ campaign }) => campaign.name),
      render: ({ campaign }) => (
        <Link
          component="button"
          variant="body2"
          align="left"
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
    {
      title: 'Due',
      sort: compareBy(({ campaign }) => campaign.dueDate),
      // A date stays on one line (it would break at its hyphens).
      render: ({ campaign }) => (
        <span style={{ whiteSpace: 'nowrap' }}>{campaign.dueDate}</span>
      ),
    },
    {
      title: 'Progress',
      sort: compareBy(({ progress }) => progress.percent),
      render: ({ campaign, progress }) => (
        <Box minWidth={160}>
          <Typography variant="body2">{progressText(progress)}</Typography>
          <LinearProgress
            variant="determinate"
            value={progress.percent ?? 0}
            aria-label={`${campaign.name}: ${progressText(progress)}`}
          />
        </Box>
      ),
    },
  ];
}
