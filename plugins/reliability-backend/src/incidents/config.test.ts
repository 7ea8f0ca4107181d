import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { readIncidentsConfig } from './config';

function read(incidents: object, demo?: object) {
  const logger = mockServices.logger.mock();
  const config = readIncidentsConfig(
    new ConfigReader({ reliability: { incidents, demo } }),
    logger,
  );
  return { config, logger };
}

describe('readIncidentsConfig', () => {
  it('has defaults', () => {
    expect(read({}).config).toEqual({
      refreshInterval: { minutes: 15 },
      providerTimeoutMs: 60_000,
      retentionDays: 400,
      postmortemSeverity: 'sev2',
      postmortemBusinessDays: 5,
      defaultTimeZone: 'UTC',
      acknowledgeTargetMs: 900_000,
      demoSeeding: false,
    });
  });

  it('reads every key', () => {
    const { config, logger } = read(
      {
        refreshInterval: 'PT5M',
        providerTimeout: { seconds: 20 },
        retention: { days: 120 },
        postmortemRequired: { severity: 'SEV-1', businessDays: 3 },
        defaultTimeZone: 'Europe/Berlin',
        acknowledgeTarget: 'PT10M',
      },
      { seedIncidents: true },
    );
    expect(config).toEqual({
      refreshInterval: { minutes: 5 },
      providerTimeoutMs: 20_000,
      retentionDays: 120,
      postmortemSeverity: 'sev1',
      postmortemBusinessDays: 3,
      defaultTimeZone: 'Europe/Berlin',
      acknowledgeTargetMs: 600_000,
      demoSeeding: true,
    });
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('reliability.demo.seedIncidents is on'),
    );
  });

  it.each([
    [
      { postmortemRequired: { severity: 'critical' } },
      /postmortemRequired\.severity: must be one of sev1/,
    ],
    [
      { postmortemRequired: { businessDays: 0 } },
      /postmortemRequired\.businessDays: must be a whole number between 1 and 60/,
    ],
    [
      { retention: { days: 30 } },
      /retention\.days: must be a whole number between 90/,
    ],
    [
      { defaultTimeZone: 'Mars/Olympus' },
      /defaultTimeZone: must be an IANA time zone/,
    ],
    [{ refreshInterval: { seconds: 10 } }, /refreshInterval/],
    [{ acknowledgeTarget: { seconds: 5 } }, /acknowledgeTarget/],
  ])('stops the backend on %j', (incidents, message) => {
    expect(() => read(incidents)).toThrow(message);
  });
});
