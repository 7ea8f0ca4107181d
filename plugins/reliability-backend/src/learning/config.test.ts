import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { readLearningConfig } from './config';

const logger = mockServices.logger.mock();

describe('readLearningConfig', () => {
  it('has defaults and reads the keys', () => {
    expect(readLearningConfig(new ConfigReader({}), logger)).toEqual({
      retentionDays: 90,
      refreshInterval: { hours: 24 },
    });
    expect(
      readLearningConfig(
        new ConfigReader({
          reliability: {
            learning: { retentionDays: 14, refreshInterval: 'PT6H' },
          },
        }),
        logger,
      ),
    ).toEqual({ retentionDays: 14, refreshInterval: { hours: 6 } });
  });

  it('names the bad key', () => {
    expect(() =>
      readLearningConfig(
        new ConfigReader({ reliability: { learning: { retentionDays: 0 } } }),
        logger,
      ),
    ).toThrow(/reliability\.learning .*retentionDays/);
    expect(() =>
      readLearningConfig(
        new ConfigReader({ reliability: { learning: { typo: 1 } } }),
        logger,
      ),
    ).toThrow(/reliability\.learning/);
    expect(() =>
      readLearningConfig(
        new ConfigReader({
          reliability: { learning: { refreshInterval: { seconds: 5 } } },
        }),
        logger,
      ),
    ).toThrow(/reliability\.learning\.refreshInterval/);
  });
});
