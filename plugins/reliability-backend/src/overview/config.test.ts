import { ConfigReader } from '@backstage/config';
import {
  overviewTaskFrequency,
  readOverviewConfig,
  servicesIndexMaxAgeMs,
} from './config';

describe('readOverviewConfig', () => {
  it('defaults the roll-up refresh to every 10 minutes', () => {
    expect(readOverviewConfig(new ConfigReader({}))).toEqual({
      rollUpRefreshInterval: { minutes: 10 },
      rollUpTimeout: { minutes: 10 },
      csvMaxRows: 100_000,
      servicesIndexEnabled: true,
      servicesIndexCheckInterval: { minutes: 1 },
    });
  });

  it('trusts the services index for two refresh intervals and a timeout, and can turn it off', () => {
    const config = readOverviewConfig(
      new ConfigReader({
        reliability: {
          overview: {
            rollUps: { refreshInterval: { minutes: 5 }, timeout: 'PT2M' },
            servicesIndex: { enabled: false },
          },
        },
      }),
    );
    expect(config.servicesIndexEnabled).toBe(false);
    expect(servicesIndexMaxAgeMs(config)).toBe(12 * 60_000);
    // Without the index the task runs once per refresh interval; with it, once per check interval.
    expect(overviewTaskFrequency(config)).toEqual({ minutes: 5 });
    expect(
      overviewTaskFrequency({ ...config, servicesIndexEnabled: true }),
    ).toEqual({ minutes: 1 });
    expect(
      overviewTaskFrequency({
        ...config,
        servicesIndexEnabled: true,
        servicesIndexCheckInterval: { hours: 1 },
      }),
    ).toEqual({ minutes: 5 });
    expect(() =>
      readOverviewConfig(
        new ConfigReader({
          reliability: { overview: { servicesIndex: { enabled: 'yes' } } },
        }),
      ),
    ).toThrow('reliability.overview.servicesIndex');
  });

  it('reads the CSV export cap and rejects one out of range, naming the key', () => {
    const read = (maxRows: unknown) =>
      readOverviewConfig(
        new ConfigReader({
          reliability: { overview: { csvExport: { maxRows } } },
        } as any),
      );
    expect(read(250_000).csvMaxRows).toBe(250_000);
    expect(() => read(0)).toThrow(
      'Invalid reliability.overview.csvExport configuration: maxRows',
    );
    expect(() => read(2.5)).toThrow('reliability.overview.csvExport');
  });

  it('reads Backstage durations (objects and ISO 8601)', () => {
    const config = readOverviewConfig(
      new ConfigReader({
        reliability: {
          overview: {
            rollUps: { refreshInterval: 'PT30M', timeout: { minutes: 2 } },
          },
        },
      }),
    );
    expect(config.rollUpRefreshInterval).toEqual({ minutes: 30 });
    expect(config.rollUpTimeout).toEqual({ minutes: 2 });
  });

  it('rejects a refresh interval below a minute, naming the key', () => {
    expect(() =>
      readOverviewConfig(
        new ConfigReader({
          reliability: {
            overview: { rollUps: { refreshInterval: { seconds: 5 } } },
          },
        }),
      ),
    ).toThrow('reliability.overview.rollUps.refreshInterval');
  });
});
