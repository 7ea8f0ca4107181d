import type { CampaignListener } from '../campaigns/CampaignsRefresher';
import type { MeasuredCampaign } from '../campaigns/CampaignService';
import { NotificationKind } from './config';
import { campaignLink } from './links';
import {
  ReliabilityNotification,
  ReliabilityNotifier,
} from './ReliabilityNotifier';

const DAY_MS = 24 * 60 * 60 * 1000;
/** How long before the due date "due soon" is sent. */
export const DUE_SOON_DAYS = 7;

/** `YYYY-MM-DD` plus days. */
function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS)
    .toISOString()
    .slice(0, 10);
}

/** Per team: services in scope and those not done yet. */
function teamsOf(measured: MeasuredCampaign) {
  const teams = new Map<string, { services: number; left: number }>();
  for (const s of measured.services) {
    if (s.owner === 'unassigned') continue;
    const team = teams.get(s.owner) ?? { services: 0, left: 0 };
    team.services += 1;
    if (!s.done) team.left += 1;
    teams.set(s.owner, team);
  }
  return teams;
}

/**
 * Tells each team with services in a campaign that it started, and teams with services still to do that it is due
 * in 7 days or overdue; once per team and campaign (a moved start or due date notifies again). Called by the
 * campaigns' global refresh with what it measured; `today` is its `YYYY-MM-DD`.
 */
export class CampaignNotifications implements CampaignListener {
  constructor(
    private readonly notifier: ReliabilityNotifier,
    private readonly today: () => string,
  ) {}

  async campaignsMeasured(campaigns: MeasuredCampaign[]): Promise<void> {
    const today = this.today();
    const notifications: ReliabilityNotification[] = [];
    for (const measured of campaigns) {
      const { campaign } = measured;
      const link = campaignLink(campaign.id);
      for (const [team, { services, left }] of teamsOf(measured)) {
        const note = (
          kind: NotificationKind,
          episode: string,
          title: string,
          description: string,
          severity: 'normal' | 'high',
        ) =>
          notifications.push({
            kind,
            subject: `campaign:${campaign.id}:${team}`,
            episode,
            recipients: [team],
            payload: { title, description, link, severity },
          });
        const leftText = `${left} of your ${services} service${
          services === 1 ? '' : 's'
        } still to do.`;
        if (measured.schedule === 'running') {
          note(
            'campaignStarted',
            campaign.startDate,
            `Campaign started: ${campaign.name}`,
            `${campaign.why} Due ${campaign.dueDate}. ${leftText}`,
            'normal',
          );
        }
        if (left === 0) continue;
        if (
          measured.schedule === 'running' &&
          today >= addDays(campaign.dueDate, -DUE_SOON_DAYS)
        ) {
          note(
            'campaignDueSoon',
            campaign.dueDate,
            `Campaign due on ${campaign.dueDate}: ${campaign.name}`,
            leftText,
            'normal',
          );
        }
        if (measured.schedule === 'overdue') {
          note(
            'campaignOverdue',
            campaign.dueDate,
            `Campaign overdue since ${campaign.dueDate}: ${campaign.name}`,
            leftText,
            'high',
          );
        }
      }
    }
    await this.notifier.send(notifications);
  }
}
