import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { z } from 'zod';
import { readConfigSection, readDuration, readDurationMs } from './config';

describe('readDuration', () => {
  const deprecated = { key: 'a.oldSeconds', unit: 'seconds' as const };

  it('reads a HumanDuration object or an ISO string, else the fallback', () => {
    const config = new ConfigReader({ a: { x: { minutes: 2 }, y: 'PT30S' } });
    expect(readDurationMs(config, 'a.x', { seconds: 1 })).toBe(120_000);
    expect(readDurationMs(config, 'a.y', { seconds: 1 })).toBe(30_000);
    expect(readDurationMs(config, 'a.z', { seconds: 1 })).toBe(1_000);
  });

  it('takes a deprecated number key with a warning, and prefers the new key', () => {
    const logger = mockServices.logger.mock();
    const old = new ConfigReader({ a: { oldSeconds: 15 } });
    expect(
      readDurationMs(old, 'a.timeout', { seconds: 1 }, { deprecated, logger }),
    ).toBe(15_000);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('a.timeout'),
    );

    const both = new ConfigReader({
      a: { oldSeconds: 15, timeout: { seconds: 3 } },
    });
    expect(
      readDuration(both, 'a.timeout', { seconds: 1 }, { deprecated }),
    ).toEqual({ seconds: 3 });
  });

  it('rejects values outside the bounds, naming the key', () => {
    const config = new ConfigReader({ a: { x: { hours: 5 } } });
    expect(() =>
      readDuration(config, 'a.x', { minutes: 1 }, { max: { hours: 1 } }),
    ).toThrow(/a\.x/);
  });
});

describe('readConfigSection', () => {
  const schema = z.strictObject({
    retentionDays: z.number().int().min(1).default(90),
  });

  it('reads the section with its defaults, also when it is absent', () => {
    expect(
      readConfigSection(
        new ConfigReader({ a: { b: { retentionDays: 30 } } }),
        'a.b',
        schema,
      ),
    ).toEqual({ retentionDays: 30 });
    expect(readConfigSection(new ConfigReader({}), 'a.b', schema)).toEqual({
      retentionDays: 90,
    });
  });

  it('fails the start-up naming the section and each bad field', () => {
    expect(() =>
      readConfigSection(
        new ConfigReader({ a: { b: { retentionDays: 0, extra: true } } }),
        'a.b',
        schema,
      ),
    ).toThrow(/^Invalid a\.b configuration: .*retentionDays: .*; \(root\): /);
  });
});
