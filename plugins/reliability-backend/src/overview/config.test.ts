import { ConfigReader } from '@backstage/config';
import { readOverviewConfig } from './config';

describe('readOverviewConfig', () => {
  it('defaults the roll-up refresh to every 10 minutes', () => {
    expect(readOverviewConfig(new ConfigReader({}))).toEqual({
      rollUpRefreshInterval: { minutes: 10 },
      rollUpTimeout: { minutes: 10 },
      csvMaxRows: 100_000,
    });
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
