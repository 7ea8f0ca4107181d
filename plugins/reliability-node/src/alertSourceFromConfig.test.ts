import { mockServices } from '@backstage/backend-test-utils';
import { AlertSource } from './alertSources';
import { ProviderNotConfiguredError } from './http/errors';
import { alertSourceFromConfig } from './providerFromConfig';

const readAcme = (config: { getOptionalString(key: string): unknown }) => {
  const token = config.getOptionalString('reliability.acme.token');
  return typeof token === 'string' ? { token } : undefined;
};

const configured: AlertSource = {
  id: 'acme',
  getInventory: async () => ({ alerts: [] }),
};

describe('alertSourceFromConfig', () => {
  it('builds the source from the settings it read, without a warning', () => {
    const logger = mockServices.logger.mock();
    const create = jest.fn(() => configured);
    const source = alertSourceFromConfig({
      config: mockServices.rootConfig({
        data: { reliability: { acme: { token: 't' } } },
      }),
      logger,
      vendor: 'Acme',
      configKey: 'reliability.acme',
      id: 'acme',
      read: readAcme,
      create,
    });
    expect(source).toBe(configured);
    expect(create).toHaveBeenCalledWith({ token: 't' });
    expect(logger.warn).not.toHaveBeenCalled();
  });

  it('registers a source whose reads fail with "not configured", and warns once unless quiet', async () => {
    const logger = mockServices.logger.mock();
    const create = jest.fn(() => configured);
    const options = {
      config: mockServices.rootConfig(),
      logger,
      vendor: 'Acme',
      configKey: 'reliability.acme',
      required: 'reliability.acme.token',
      id: 'acme',
      read: readAcme,
      create,
    };
    const source = alertSourceFromConfig(options);
    expect(source.id).toBe('acme');
    expect(create).not.toHaveBeenCalled();
    expect(logger.warn).toHaveBeenCalledTimes(1);
    const error = await source
      .getInventory({ from: new Date(0), to: new Date(1) })
      .catch(e => e);
    expect(error).toBeInstanceOf(ProviderNotConfiguredError);
    expect(error.message).toBe(
      'Acme provider not configured: set reliability.acme.token in app-config',
    );

    alertSourceFromConfig({ ...options, quiet: true });
    expect(logger.warn).toHaveBeenCalledTimes(1);
  });
});
