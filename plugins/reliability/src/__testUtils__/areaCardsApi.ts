import { mockAlertsApi } from '../components/alerts/testData';
import { testCampaign, testChecklist } from '../components/campaigns/testData';
import { mockIncidentsApi } from '../components/incidents/testData';
import { mockPolicyApi } from '../components/policy/testData';

/**
 * The reliability API methods the policy, incidents, alerts and campaigns cards read, answered from the areas'
 * fixtures: one overdue campaign concerns the entity.
 */
export function areaCardsApi() {
  return {
    ...mockPolicyApi(),
    ...mockIncidentsApi(),
    ...mockAlertsApi(),
    getChecklist: jest.fn(async () => testChecklist),
    getEntityCampaigns: jest.fn(async () => ({
      entityRef: 'component:default/checkout',
      campaigns: [
        {
          campaign: testCampaign(),
          schedule: 'overdue',
          done: false,
          left: ['rollback'],
        },
      ],
    })),
  } as const;
}
