import { ConfigReader } from '@backstage/config';
import { DEFAULT_STALE_AFTER_DAYS, readRunbooksConfig } from './config';

describe('readRunbooksConfig', () => {
  it('defaults to 180 days', () => {
    expect(readRunbooksConfig(new ConfigReader({}))).toEqual({
      staleAfterDays: DEFAULT_STALE_AFTER_DAYS,
      appBaseUrl: undefined,
    });
    expect(DEFAULT_STALE_AFTER_DAYS).toBe(180);
  });

  it('reads staleAfterDays and the app base URL', () => {
    expect(
      readRunbooksConfig(
        new ConfigReader({
          app: { baseUrl: 'https://backstage.example.com' },
          reliability: { runbooks: { staleAfterDays: 90 } },
        }),
      ),
    ).toEqual({
      staleAfterDays: 90,
      appBaseUrl: 'https://backstage.example.com',
    });
  });

  it.each([0, -5, 1.5, 5000])('rejects staleAfterDays %p', value => {
    expect(() =>
      readRunbooksConfig(
        new ConfigReader({
          reliability: { runbooks: { staleAfterDays: value } },
        }),
      ),
    ).toThrow(/staleAfterDays must be a whole number/);
  });
});
