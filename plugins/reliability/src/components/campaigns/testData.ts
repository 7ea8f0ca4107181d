import {
  Campaign,
  CampaignDetail,
  CampaignSummary,
} from '@internal/backstage-plugin-reliability-common';
import { testChecklist } from '../checklist/testData';

export { testChecklist };

/** A campaign: tier-1 services reach Beginner in December 2026. */
export function testCampaign(overrides: Partial<Campaign> = {}): Campaign {
  return {
    id: 'tier-1-beginner',
    name: 'Tier-1 reaches Beginner',
    why: 'Peak season: every tier-1 service needs SLOs and a rollback path.',
    target: { kind: 'level', level: 'beginner' },
    scope: { tiers: ['tier-1'] },
    startDate: '2026-12-01',
    dueDate: '2026-12-31',
    status: 'active',
    source: 'api',
    createdBy: 'user:default/nora.lindqvist',
    createdAt: '2026-11-20T10:00:00.000Z',
    updatedBy: 'user:default/nora.lindqvist',
    updatedAt: '2026-11-20T10:00:00.000Z',
    ...overrides,
  };
}

export function testSummary(
  campaign: Campaign = testCampaign(),
  overrides: Partial<CampaignSummary> = {},
): CampaignSummary {
  return {
    campaign,
    schedule: 'running',
    progress: {
      services: 4,
      done: 1,
      percent: 25,
      teams: [
        { team: 'group:default/checkout-payments', services: 3, done: 1 },
        { team: 'group:default/web-storefront', services: 1, done: 0 },
      ],
    },
    ...overrides,
  };
}

export function testDetail(
  overrides: Partial<CampaignDetail> = {},
): CampaignDetail {
  return {
    ...testSummary(),
    services: [
      {
        entityRef: 'component:default/orders-api',
        owner: 'group:default/checkout-payments',
        done: false,
        left: ['rollback'],
        level: 'none',
      },
      {
        entityRef: 'component:default/payments',
        owner: 'group:default/checkout-payments',
        done: true,
        left: [],
        level: 'beginner',
      },
    ],
    burnUp: [
      { day: '2026-12-01', services: 4, done: 0 },
      { day: '2026-12-02', services: 4, done: 1 },
    ],
    canManage: true,
    ...overrides,
  };
}
