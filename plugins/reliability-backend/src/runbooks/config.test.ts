import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { DEFAULT_STALE_AFTER_DAYS, readRunbooksConfig } from './config';

const logger = mockServices.logger.mock();

describe('readRunbooksConfig', () => {
  it('defaults to 180 days and a refresh every 30 minutes', () => {
    expect(readRunbooksConfig(new ConfigReader({}), logger)).toEqual({
      staleAfterDays: DEFAULT_STALE_AFTER_DAYS,
      refreshInterval: { minutes: 30 },
      appBaseUrl: undefined,
    });
    expect(DEFAULT_STALE_AFTER_DAYS).toBe(180);
  });

  it('reads staleAfterDays, the refresh interval and the app base URL', () => {
    expect(
      readRunbooksConfig(
        new ConfigReader({
          app: { baseUrl: 'https://backstage.example.com' },
          reliability: {
            runbooks: { staleAfterDays: 90, refreshInterval: 'PT2H' },
          },
        }),
        logger,
      ),
    ).toEqual({
      staleAfterDays: 90,
      refreshInterval: { hours: 2 },
      appBaseUrl: 'https://backstage.example.com',
    });
  });

  it.each([0, -5, 1.5, 5000])('rejects staleAfterDays %p', value => {
    expect(() =>
      readRunbooksConfig(
        new ConfigReader({
          reliability: { runbooks: { staleAfterDays: value } },
        }),
        logger,
      ),
    ).toThrow(/staleAfterDays must be a whole number/);
  });

  it.each([{ seconds: 30 }, { days: 2 }])(
    'rejects refreshInterval %p',
    value => {
      expect(() =>
        readRunbooksConfig(
          new ConfigReader({
            reliability: { runbooks: { refreshInterval: value } },
          }),
          logger,
        ),
      ).toThrow(/reliability\.runbooks\.refreshInterval/);
    },
  );
});
