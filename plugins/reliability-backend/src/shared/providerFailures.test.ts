import { mockServices } from '@backstage/backend-test-utils';
import { ProviderNotConfiguredError } from '@internal/backstage-plugin-reliability-node';
import {
  isProviderNotConfigured,
  ProviderFailureLog,
} from './providerFailures';

describe('providerFailures', () => {
  it('recognises ProviderNotConfiguredError, also by name', () => {
    expect(
      isProviderNotConfigured(
        new ProviderNotConfiguredError('Acme', 'reliability.acme.token'),
      ),
    ).toBe(true);
    const copy = new Error('Acme provider not configured');
    copy.name = 'ProviderNotConfiguredError';
    expect(isProviderNotConfigured(copy)).toBe(true);
    expect(isProviderNotConfigured(new Error('timeout'))).toBe(false);
    expect(isProviderNotConfigured('not configured')).toBe(false);
  });

  it('logs "not configured" once per provider and other failures every time', () => {
    const logger = mockServices.logger.mock();
    const log = new ProviderFailureLog(logger);
    const acme = new ProviderNotConfiguredError(
      'Acme',
      'reliability.acme.token',
    );
    const other = new ProviderNotConfiguredError('Other', 'reliability.other');

    log.warn(acme, 'entity a failed');
    log.warn(acme, 'entity b failed');
    log.warn(other, 'entity a failed');
    log.warn(new Error('timeout'), 'entity c failed: timeout');
    log.warn(new Error('timeout'), 'entity c failed: timeout');

    const messages = logger.warn.mock.calls.map(([m]) => m);
    expect(messages).toEqual([
      expect.stringContaining(
        'Acme provider not configured: set reliability.acme.token in app-config',
      ),
      expect.stringContaining('Other provider not configured'),
      'entity c failed: timeout',
      'entity c failed: timeout',
    ]);
  });
});
