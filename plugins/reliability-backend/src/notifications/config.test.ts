import { ConfigReader } from '@backstage/config';
import { readNotificationsConfig } from './config';

describe('readNotificationsConfig', () => {
  it('sends every kind unless switched off, and keeps the log 400 days by default', () => {
    expect(readNotificationsConfig(new ConfigReader({}))).toEqual({
      enabled: {
        exemptionDecided: true,
        exemptionExpired: true,
        maturityLevelDropped: true,
        campaignStarted: true,
        campaignDueSoon: true,
        campaignOverdue: true,
        sloReviewReport: true,
        sloBurn: true,
        sloBurnResolved: true,
        sloBudgetExhausted: true,
        policyStateChanged: true,
        deployGateOverridden: true,
        deployGateOverrideRevoked: true,
        runbookStale: true,
        backgroundTaskTrouble: true,
        backgroundTaskRecovered: true,
      },
      retentionDays: 400,
      refreshInterval: { minutes: 5 },
      backgroundWorkRecipients: [],
      sloBurnQuietPeriodMs: 30 * 60_000,
    });
    const config = readNotificationsConfig(
      new ConfigReader({
        reliability: {
          notifications: {
            campaignStarted: false,
            runbookStale: false,
            retentionDays: 90,
          },
        },
      }),
    );
    expect(config.enabled.campaignStarted).toBe(false);
    expect(config.enabled.runbookStale).toBe(false);
    expect(config.enabled.campaignOverdue).toBe(true);
    expect(config.retentionDays).toBe(90);
  });

  it('rejects unknown kinds and non-boolean switches', () => {
    expect(() =>
      readNotificationsConfig(
        new ConfigReader({
          reliability: { notifications: { sloBurnt: false } },
        }),
      ),
    ).toThrow(/reliability\.notifications configuration/);
    expect(() =>
      readNotificationsConfig(
        new ConfigReader({
          reliability: { notifications: { campaignOverdue: 'no' } },
        }),
      ),
    ).toThrow(/campaignOverdue/);
  });

  it('reads who hears about the background tasks, full entity refs only', () => {
    expect(
      readNotificationsConfig(
        new ConfigReader({
          reliability: {
            notifications: {
              backgroundWorkRecipients: ['group:default/platform'],
            },
          },
        }),
      ).backgroundWorkRecipients,
    ).toEqual(['group:default/platform']);
    expect(() =>
      readNotificationsConfig(
        new ConfigReader({
          reliability: { notifications: { backgroundWorkRecipients: ['sre'] } },
        }),
      ),
    ).toThrow(/backgroundWorkRecipients/);
  });

  it("reads a burn's quiet period (0 resolves at once), and refuses one over a day", () => {
    const read = (sloBurnQuietPeriod: unknown) =>
      readNotificationsConfig(
        new ConfigReader({
          reliability: { notifications: { sloBurnQuietPeriod } },
        } as any),
      ).sloBurnQuietPeriodMs;
    expect(read({ minutes: 10 })).toBe(600_000);
    expect(read('PT0M')).toBe(0);
    expect(() => read({ hours: 25 })).toThrow(
      /Invalid config reliability\.notifications\.sloBurnQuietPeriod/,
    );
  });
});
