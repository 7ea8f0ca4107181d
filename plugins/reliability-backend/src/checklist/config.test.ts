import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { JsonObject } from '@backstage/types';
import { readChecklistConfig } from './config';

const checklist = (values: JsonObject) =>
  new ConfigReader({ reliability: { checklist: values } });

describe('readChecklistConfig', () => {
  it('applies defaults and rejects invalid values clearly', () => {
    const logger = mockServices.logger.mock();
    expect(readChecklistConfig(new ConfigReader({}), logger)).toEqual({
      extend: false,
      answerValidityDays: 180,
      runbookCoverageThreshold: 1,
      deployGateAskedWithinDays: 30,
      retentionDays: 90,
      refreshInterval: { minutes: 60 },
      exemptions: {
        maxDuration: { days: 180 },
        autoApprove: [],
        historyDays: 365,
      },
      demoSeeding: false,
    });
    expect(
      readChecklistConfig(
        new ConfigReader({ reliability: { demo: { seedMaturity: true } } }),
        logger,
      ).demoSeeding,
    ).toBe(true);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(/seedMaturity is on: .*SYNTHETIC/),
    );
    expect(() =>
      readChecklistConfig(
        checklist({ answerValidityDays: 0, extra: 1 }),
        logger,
      ),
    ).toThrow(/reliability.checklist configuration: .*answerValidityDays/);
  });

  it('reads refreshInterval as a duration, bounded', () => {
    const logger = mockServices.logger.mock();
    expect(
      readChecklistConfig(checklist({ refreshInterval: 'PT2H' }), logger)
        .refreshInterval,
    ).toEqual({ hours: 2 });
    expect(
      readChecklistConfig(
        checklist({ refreshInterval: { minutes: 15 } }),
        logger,
      ).refreshInterval,
    ).toEqual({ minutes: 15 });
    expect(() =>
      readChecklistConfig(
        checklist({ refreshInterval: { minutes: 1 } }),
        logger,
      ),
    ).toThrow(/reliability\.checklist\.refreshInterval/);
    expect(logger.warn).not.toHaveBeenCalled();
  });

  it('still takes the deprecated refreshIntervalMinutes, with a warning', () => {
    const logger = mockServices.logger.mock();
    expect(
      readChecklistConfig(checklist({ refreshIntervalMinutes: 30 }), logger)
        .refreshInterval,
    ).toEqual({ minutes: 30 });
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining(
        'reliability.checklist.refreshIntervalMinutes is deprecated; use reliability.checklist.refreshInterval',
      ),
    );
    expect(() =>
      readChecklistConfig(checklist({ refreshIntervalMinutes: 2000 }), logger),
    ).toThrow(/reliability\.checklist\.refreshInterval/);
  });

  it('reads exemptions: a bounded maximum duration, auto-approved items and history days', () => {
    const logger = mockServices.logger.mock();
    expect(
      readChecklistConfig(
        checklist({
          exemptions: {
            maxDuration: { days: 90 },
            autoApprove: ['restore-tested'],
            historyDays: 30,
          },
        }),
        logger,
      ).exemptions,
    ).toEqual({
      maxDuration: { days: 90 },
      autoApprove: ['restore-tested'],
      historyDays: 30,
    });
    expect(() =>
      readChecklistConfig(
        checklist({ exemptions: { maxDuration: { days: 2000 } } }),
        logger,
      ),
    ).toThrow(/reliability\.checklist\.exemptions\.maxDuration/);
    expect(() =>
      readChecklistConfig(
        checklist({ exemptions: { autoApprove: 'all' } }),
        logger,
      ),
    ).toThrow(/exemptions\.autoApprove/);
  });
});
