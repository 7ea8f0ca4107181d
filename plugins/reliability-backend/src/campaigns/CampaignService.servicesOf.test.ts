import { mockCredentials } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Campaign } from '@internal/backstage-plugin-reliability-common';
import {
  campaignInput,
  component,
  fixedMaturity,
} from './__testUtils__/campaignFixtures';
import { CampaignService } from './CampaignService';
import { CampaignStore } from './store/CampaignStore';

const fileCampaign: Campaign = {
  id: 'tier-1-beginner',
  ...campaignInput(),
  source: 'file',
  createdBy: null,
  createdAt: null,
  updatedBy: null,
  updatedAt: null,
};

describe('CampaignService.servicesOf', () => {
  it('lists the services in scope with whether each meets the target, and nothing for an unknown campaign', async () => {
    const store = {
      getCampaign: jest.fn(async () => undefined),
      listCampaigns: jest.fn(async () => []),
    } as unknown as CampaignStore;
    const service = new CampaignService({
      store,
      fileCampaigns: [fileCampaign],
      maturity: fixedMaturity({
        'component:default/orders': {
          level: 'beginner',
          passingItems: ['slo-defined', 'rollback'],
        },
      }),
      catalog: catalogServiceMock({
        entities: [
          component('orders', { owner: 'team-a', tier: 'tier-1' }),
          component('cart', { owner: 'team-a', tier: 'tier-1' }),
          component('search', { owner: 'team-b', tier: 'tier-3' }),
        ],
      }),
      now: () => new Date('2026-12-10T12:00:00Z'),
    });
    const credentials = mockCredentials.user();
    const services = await service.servicesOf('tier-1-beginner', credentials);
    expect(services?.map(s => [s.entityRef, s.done])).toEqual([
      ['component:default/cart', false],
      ['component:default/orders', true],
    ]);
    expect(await service.servicesOf('no-such', credentials)).toBeUndefined();
  });
});
