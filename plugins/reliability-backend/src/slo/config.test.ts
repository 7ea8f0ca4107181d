import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { readSloConfig } from './config';

describe('readSloConfig', () => {
  it('has defaults for every key', () => {
    const logger = mockServices.logger.mock();
    expect(readSloConfig(new ConfigReader({}), logger)).toEqual({
      refreshSchedule: {
        frequency: { minutes: 5 },
        timeout: { minutes: 7 },
        initialDelay: { seconds: 15 },
      },
      providerTimeoutMs: 10_000,
      burndownCacheTtlMs: 300_000,
      snapshotRetentionDays: 90,
      sliEventsRetentionDays: 400,
      demoSeeding: false,
      definitionCacheEntries: 20_000,
    });
    expect(logger.warn).not.toHaveBeenCalled();
  });

  it('reads durations as objects or ISO strings, and days as numbers', () => {
    const config = new ConfigReader({
      reliability: {
        slo: {
          collection: {
            frequency: 'PT10M',
            timeout: { minutes: 4 },
            initialDelay: { seconds: 1 },
            providerTimeout: 'PT3S',
          },
          retention: { days: 30, sliEventsDays: 731 },
          definitionCache: { maxEntries: 120_000 },
        },
        demo: { seedSliEvents: true },
      },
    });
    expect(readSloConfig(config, mockServices.logger.mock())).toMatchObject({
      refreshSchedule: {
        frequency: { minutes: 10 },
        timeout: { minutes: 4 },
        initialDelay: { seconds: 1 },
      },
      providerTimeoutMs: 3000,
      burndownCacheTtlMs: 600_000,
      snapshotRetentionDays: 30,
      sliEventsRetentionDays: 731,
      demoSeeding: true,
      definitionCacheEntries: 120_000,
    });
    expect(() =>
      readSloConfig(
        new ConfigReader({
          reliability: { slo: { definitionCache: { maxEntries: 1.5 } } },
        }),
        mockServices.logger.mock(),
      ),
    ).toThrow(/reliability\.slo\.definitionCache\.maxEntries/);
  });

  it('warns when SLI events are kept shorter than the longest window, and rejects bad retention', () => {
    const logger = mockServices.logger.mock();
    readSloConfig(
      new ConfigReader({
        reliability: { slo: { retention: { sliEventsDays: 30 } } },
      }),
      logger,
    );
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('reliability.slo.retention.sliEventsDays is 30'),
    );
    expect(() =>
      readSloConfig(
        new ConfigReader({ reliability: { slo: { retention: { days: 0 } } } }),
        logger,
      ),
    ).toThrow(/reliability\.slo\.retention\.days/);
  });

  it('warns whenever demo SLI seeding is on', () => {
    const logger = mockServices.logger.mock();
    const settings = readSloConfig(
      new ConfigReader({ reliability: { demo: { seedSliEvents: true } } }),
      logger,
    );
    expect(settings.demoSeeding).toBe(true);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('SYNTHETIC demo events'),
    );
  });

  it('keeps demo seeding off when the production config is layered over the demo config', () => {
    const root = path.resolve(__dirname, '../../../..');
    const read = (file: string) => ({
      context: file,
      data: parseYaml(fs.readFileSync(path.join(root, file), 'utf8')),
    });
    const config = ConfigReader.fromConfigs([
      read('app-config.yaml'),
      read('app-config.production.yaml'),
    ]);
    expect(config.getOptionalBoolean('reliability.demo.seedSliEvents')).toBe(
      false,
    );
  });
});
