import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { readAlertsConfig } from './config';

function read(alerts: object, demo?: object) {
  const logger = mockServices.logger.mock();
  const config = readAlertsConfig(
    new ConfigReader({ reliability: { alerts, demo } }),
    logger,
  );
  return { config, logger };
}

describe('readAlertsConfig', () => {
  it('has defaults', () => {
    expect(read({}).config).toEqual({
      refreshInterval: { minutes: 10 },
      sourceTimeoutMs: 60_000,
      retentionDays: 90,
      mappingLabel: 'service',
      noise: { minFirings: 5, quickResolveMinutes: 15, quickShare: 0.8 },
      demoSeeding: false,
    });
  });

  it('reads every key, and warns when demo seeding is on', () => {
    const { config, logger } = read(
      {
        refreshInterval: 'PT5M',
        sourceTimeout: { seconds: 20 },
        retention: { days: 60 },
        mapping: { label: 'app.kubernetes.io/name' },
        noise: {
          minFirings: 10,
          quickResolve: { minutes: 5 },
          quickShare: 0.5,
        },
      },
      { seedAlerts: true },
    );
    expect(config).toEqual({
      refreshInterval: { minutes: 5 },
      sourceTimeoutMs: 20_000,
      retentionDays: 60,
      mappingLabel: 'app.kubernetes.io/name',
      noise: { minFirings: 10, quickResolveMinutes: 5, quickShare: 0.5 },
      demoSeeding: true,
    });
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('reliability.demo.seedAlerts is on'),
    );
  });

  it('names the key of a bad value', () => {
    expect(() => read({ retention: { days: 7 } })).toThrow(
      'Invalid config reliability.alerts.retention.days: must be a whole number between 30 and 3650, got 7',
    );
    expect(() => read({ mapping: { label: 'service name' } })).toThrow(
      'Invalid config reliability.alerts.mapping.label',
    );
    expect(() => read({ noise: { quickShare: 1.5 } })).toThrow(
      'Invalid config reliability.alerts.noise.quickShare',
    );
    expect(() => read({ refreshInterval: { seconds: 5 } })).toThrow(
      'Invalid config reliability.alerts.refreshInterval',
    );
  });
});
