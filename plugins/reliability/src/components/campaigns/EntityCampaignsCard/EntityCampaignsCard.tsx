import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import Typography from '@material-ui/core/Typography';
import { useEntityReliability } from '../../../hooks';
import { SCHEDULE_LABELS, targetText } from '../campaignFormat';
import { AlarmChip } from '../../AlarmChip';
import { WrappingListItemText } from '../../WrappingListItemText';

/**
 * Campaigns that concern the current service and exactly what is left for it, the soonest due first.
 * Renders nothing but a short note when no active campaign concerns the service.
 */
export function EntityCampaignsCard() {
  const { value, error } = useEntityReliability(async (api, entityRef) => {
    const [campaigns, checklist] = await Promise.all([
      api.getEntityCampaigns(entityRef),
      api.getChecklist(),
    ]);
    return { campaigns, checklist };
  });

  const content = () => {
    if (error) return <ResponseErrorPanel error={error} />;
    if (!value) return <Progress />;
    const { campaigns, checklist } = value;
    if (campaigns.campaigns.length === 0) {
      return (
        <Typography variant="body2" color="textSecondary">
          No active campaign concerns this service.
        </Typography>
      );
    }
    const title = (id: string) =>
      checklist.items.find(i => i.id === id)?.title ?? id;
    return (
      <List dense aria-label="Campaigns">
        {campaigns.campaigns.map(({ campaign, schedule, done, left }) => (
          <ListItem key={campaign.id} disableGutters alignItems="flex-start">
            <WrappingListItemText
              primary={
                <Box display="flex" alignItems="center" style={{ gap: 8 }}>
                  <span>{campaign.name}</span>
                  <AlarmChip
                    size="small"
                    label={done ? 'Done' : SCHEDULE_LABELS[schedule]}
                    color={done ? 'primary' : 'default'}
                    alarm={!done && schedule === 'overdue'}
                  />
                </Box>
              }
              secondary={
                <>
                  {targetText(campaign, checklist)} by {campaign.dueDate}.{' '}
                  {done
                    ? 'This service meets the target.'
                    : `Left: ${left.map(title).join(', ')}.`}
                </>
              }
            />
          </ListItem>
        ))}
      </List>
    );
  };

  return <InfoCard title="Campaigns">{content()}</InfoCard>;
}
