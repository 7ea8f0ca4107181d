import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { JsonObject } from '@backstage/types';
import { readOnCallConfig } from './config';

function read(onCall: JsonObject) {
  const logger = mockServices.logger.mock();
  const config = readOnCallConfig(
    new ConfigReader({ reliability: { onCall } }),
    logger,
  );
  return { config, logger };
}

describe('readOnCallConfig', () => {
  it('has the documented defaults', () => {
    expect(read({}).config).toEqual({
      scheduleFiles: [],
      scheduleFilesRefresh: { seconds: 60 },
      cacheTtlMs: 60_000,
      refreshInterval: { minutes: 5 },
      horizonDays: 14,
      providerTimeoutMs: 15_000,
    });
  });

  it('reads Backstage durations, as objects or ISO strings', () => {
    const { config, logger } = read({
      scheduleFiles: ['oncall.yaml'],
      scheduleFilesRefresh: 'PT5M',
      cacheTtl: { seconds: 0 },
      refreshInterval: { minutes: 10 },
      horizon: { days: 30 },
      providerTimeout: 'PT30S',
    });
    expect(config).toEqual({
      scheduleFiles: ['oncall.yaml'],
      scheduleFilesRefresh: { minutes: 5 },
      cacheTtlMs: 0,
      refreshInterval: { minutes: 10 },
      horizonDays: 30,
      providerTimeoutMs: 30_000,
    });
    expect(logger.warn).not.toHaveBeenCalled();
  });

  it('still reads the former number keys, with a deprecation warning naming the new key', () => {
    const { config, logger } = read({
      scheduleFilesRefreshSeconds: 120,
      cacheTtlSeconds: 30,
      refreshIntervalMinutes: 15,
      horizonDays: 7,
      providerTimeoutSeconds: 20,
    });
    expect(config).toEqual({
      scheduleFiles: [],
      scheduleFilesRefresh: { seconds: 120 },
      cacheTtlMs: 30_000,
      refreshInterval: { minutes: 15 },
      horizonDays: 7,
      providerTimeoutMs: 20_000,
    });
    expect(logger.warn).toHaveBeenCalledTimes(5);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining(
        'reliability.onCall.refreshIntervalMinutes is deprecated; use reliability.onCall.refreshInterval',
      ),
    );
  });

  it('prefers the new key over the former one', () => {
    const { config } = read({
      refreshIntervalMinutes: 15,
      refreshInterval: { minutes: 2 },
    });
    expect(config.refreshInterval).toEqual({ minutes: 2 });
  });

  it.each([
    [{ cacheTtl: { hours: 2 } }, /reliability\.onCall\.cacheTtl/],
    [{ cacheTtlSeconds: -1 }, /reliability\.onCall\.cacheTtlSeconds/],
    [
      { refreshInterval: { seconds: 30 } },
      /reliability\.onCall\.refreshInterval/,
    ],
    [{ refreshIntervalMinutes: 61 }, /reliability\.onCall\.refreshInterval/],
    [{ horizon: { hours: 12 } }, /reliability\.onCall\.horizon/],
    [{ horizonDays: 91 }, /reliability\.onCall\.horizon/],
    [
      { providerTimeout: { minutes: 3 } },
      /reliability\.onCall\.providerTimeout/,
    ],
    [
      { scheduleFilesRefreshSeconds: 5 },
      /reliability\.onCall\.scheduleFilesRefresh/,
    ],
    [
      { scheduleFilesRefresh: { days: 2 } },
      /reliability\.onCall\.scheduleFilesRefresh/,
    ],
  ])('rejects %p out of its bounds', (onCall, message) => {
    expect(() => read(onCall)).toThrow(message);
  });
});
