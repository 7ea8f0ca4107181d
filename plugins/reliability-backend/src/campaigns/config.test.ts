import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { JsonObject } from '@backstage/types';
import { readCampaignsConfig } from './config';

const campaigns = (values: JsonObject) =>
  new ConfigReader({ reliability: { campaigns: values } });

describe('readCampaignsConfig', () => {
  it('applies defaults and reads files, a bounded refresh interval and retention', () => {
    const logger = mockServices.logger.mock();
    expect(readCampaignsConfig(new ConfigReader({}), logger)).toEqual({
      files: [],
      refreshInterval: { hours: 1 },
      retentionDays: 730,
    });
    expect(
      readCampaignsConfig(
        campaigns({
          files: ['../../examples/reliability/campaigns.yaml'],
          refreshInterval: 'PT30M',
          retentionDays: 365,
        }),
        logger,
      ),
    ).toEqual({
      files: ['../../examples/reliability/campaigns.yaml'],
      refreshInterval: { minutes: 30 },
      retentionDays: 365,
    });
  });

  it('rejects invalid values clearly', () => {
    const logger = mockServices.logger.mock();
    expect(() =>
      readCampaignsConfig(campaigns({ files: 'one.yaml' }), logger),
    ).toThrow(/reliability\.campaigns configuration: files/);
    expect(() =>
      readCampaignsConfig(campaigns({ retentionDays: 0 }), logger),
    ).toThrow(/retentionDays/);
    expect(() =>
      readCampaignsConfig(
        campaigns({ refreshInterval: { seconds: 5 } }),
        logger,
      ),
    ).toThrow(/reliability\.campaigns\.refreshInterval/);
  });
});
