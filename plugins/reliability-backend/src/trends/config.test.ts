import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { readTrendsConfig } from './config';

describe('readTrendsConfig', () => {
  it('defaults to 400 days of retention, a snapshot at 02:00 and no demo history', () => {
    expect(
      readTrendsConfig(new ConfigReader({}), mockServices.logger.mock()),
    ).toEqual({ retentionDays: 400, snapshotHour: 2, demoSeeding: false });
  });

  it('reads the keys and warns about demo seeding and a retention shorter than the leaderboard period', () => {
    const logger = mockServices.logger.mock();
    expect(
      readTrendsConfig(
        new ConfigReader({
          reliability: {
            trends: { retentionDays: 60, snapshotHour: 23 },
            demo: { seedTrends: true },
          },
        }),
        logger,
      ),
    ).toEqual({ retentionDays: 60, snapshotHour: 23, demoSeeding: true });
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(/retentionDays is 60/),
    );
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(/SYNTHETIC/),
    );
  });

  it.each([
    [{ snapshotHour: 24 }, /snapshotHour/],
    [{ retentionDays: 0 }, /retentionDays/],
    [{ retentionDays: 2.5 }, /retentionDays/],
    [{ retentionDay: 30 }, /retentionDay/],
  ])('rejects %j at startup', (trends, message) => {
    expect(() =>
      readTrendsConfig(
        new ConfigReader({ reliability: { trends } }),
        mockServices.logger.mock(),
      ),
    ).toThrow(message);
  });
});
