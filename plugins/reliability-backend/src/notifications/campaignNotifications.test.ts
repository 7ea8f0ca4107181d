import { Campaign } from '@internal/backstage-plugin-reliability-common';
import { testNotifier } from './__testUtils__/testNotifier';
import type { MeasuredCampaign } from '../campaigns/CampaignService';
import { CampaignNotifications } from './campaignNotifications';
import { NotificationKind } from './config';

const campaign: Campaign = {
  id: 'tier-1-beginner',
  name: 'Tier-1 reaches Beginner',
  why: 'Peak season.',
  target: { kind: 'level', level: 'beginner' },
  scope: { tiers: ['tier-1'] },
  startDate: '2026-12-01',
  dueDate: '2026-12-31',
  status: 'active',
  source: 'file',
  createdBy: null,
  createdAt: null,
  updatedBy: null,
  updatedAt: null,
};

function measured(schedule: MeasuredCampaign['schedule']): MeasuredCampaign {
  const service = (name: string, owner: string, done: boolean) => ({
    entityRef: `component:default/${name}`,
    owner,
    done,
    left: done ? [] : ['rollback'],
    level: done ? 'beginner' : 'none',
  });
  return {
    campaign,
    schedule,
    services: [
      service('orders', 'group:default/team-a', false),
      service('cart', 'group:default/team-a', true),
      service('payments', 'group:default/team-b', true),
      service('orphan', 'unassigned', false),
    ],
  };
}

function setup(enabled: Partial<Record<NotificationKind, boolean>> = {}) {
  const clock = { today: '2026-12-01' };
  const { notifier, send } = testNotifier({
    now: () => new Date(`${clock.today}T12:00:00Z`),
    enabled,
  });
  const notifications = new CampaignNotifications(notifier, () => clock.today);
  const sent = () =>
    send.mock.calls.map((c: any) => [
      c[0].payload.topic.replace('reliability-', ''),
      c[0].recipients.entityRef[0],
    ]);
  return { notifications, clock, sent };
}

describe('CampaignNotifications', () => {
  it('tells every team with services in scope once that the campaign started', async () => {
    const { notifications, sent } = setup();
    await notifications.campaignsMeasured([measured('running')]);
    await notifications.campaignsMeasured([measured('running')]);
    expect(sent()).toEqual([
      ['campaignStarted', 'group:default/team-a'],
      ['campaignStarted', 'group:default/team-b'],
    ]);
  });

  it('tells teams with services still to do once when it is due in 7 days and once when it is overdue', async () => {
    const { notifications, clock, sent } = setup({ campaignStarted: false });
    clock.today = '2026-12-23';
    await notifications.campaignsMeasured([measured('running')]);
    expect(sent()).toEqual([]);
    clock.today = '2026-12-24';
    await notifications.campaignsMeasured([measured('running')]);
    await notifications.campaignsMeasured([measured('running')]);
    clock.today = '2027-01-01';
    await notifications.campaignsMeasured([measured('overdue')]);
    await notifications.campaignsMeasured([measured('overdue')]);
    expect(sent()).toEqual([
      ['campaignDueSoon', 'group:default/team-a'],
      ['campaignOverdue', 'group:default/team-a'],
    ]);
  });
});
