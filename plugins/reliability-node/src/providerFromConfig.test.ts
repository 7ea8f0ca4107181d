import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { ProviderConfigError, ProviderNotConfiguredError } from './http/errors';
import { IncidentProvider } from './incidentProviders';
import { OnCallProvider } from './onCallProviders';
import {
  incidentProviderFromConfig,
  onCallProviderFromConfig,
  sliProviderFromConfig,
} from './providerFromConfig';
import { SliEventCountsRequest, SliProvider } from './sliProviders';

const entity = (annotations: Record<string, string> = {}): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout', annotations },
});

const readAcme = (config: { getOptionalString(key: string): unknown }) => {
  const token = config.getOptionalString('reliability.acme.token');
  return typeof token === 'string' ? { token } : undefined;
};

const configured: SliProvider = {
  type: 'acme',
  getEventCounts: async () => ({ good: 1, total: 2 }),
};

describe('sliProviderFromConfig', () => {
  it('builds the provider from the settings it read, without a warning', async () => {
    const logger = mockServices.logger.mock();
    const create = jest.fn(() => configured);
    const provider = sliProviderFromConfig({
      config: mockServices.rootConfig({
        data: { reliability: { acme: { token: 't' } } },
      }),
      logger,
      vendor: 'Acme',
      configKey: 'reliability.acme',
      type: 'acme',
      read: readAcme,
      create,
    });
    expect(provider).toBe(configured);
    expect(create).toHaveBeenCalledWith({ token: 't' });
    expect(logger.warn).not.toHaveBeenCalled();
  });

  it('registers a provider answering "not configured" and warns once when the module is not configured', async () => {
    const logger = mockServices.logger.mock();
    const create = jest.fn(() => configured);
    const provider = sliProviderFromConfig({
      config: mockServices.rootConfig(),
      logger,
      vendor: 'Acme',
      configKey: 'reliability.acme',
      required: 'reliability.acme.token',
      type: 'acme',
      read: readAcme,
      create,
    });
    expect(create).not.toHaveBeenCalled();
    expect(provider.type).toBe('acme');
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledWith(
      'Acme module installed but reliability.acme is not configured: entities using the Acme provider show "Acme provider not configured: set reliability.acme.token in app-config"',
    );
    for (let i = 0; i < 2; i++) {
      const error = await provider
        .getEventCounts({} as SliEventCountsRequest)
        .catch(e => e);
      expect(error).toBeInstanceOf(ProviderNotConfiguredError);
      expect(error).toBeInstanceOf(ProviderConfigError);
      expect(error).toMatchObject({
        name: 'ProviderNotConfiguredError',
        provider: 'Acme',
        required: 'reliability.acme.token',
        message:
          'Acme provider not configured: set reliability.acme.token in app-config',
      });
    }
    expect(logger.warn).toHaveBeenCalledTimes(1);
  });

  it('lets an invalid configuration fail the start-up', () => {
    expect(() =>
      sliProviderFromConfig({
        config: mockServices.rootConfig(),
        logger: mockServices.logger.mock(),
        vendor: 'Acme',
        configKey: 'reliability.acme',
        type: 'acme',
        read: () => {
          throw new ProviderConfigError('Acme', 'reliability.acme is invalid');
        },
        create: () => configured,
      }),
    ).toThrow('reliability.acme is invalid');
  });
});

describe('onCallProviderFromConfig', () => {
  const options = {
    vendor: 'Acme',
    configKey: 'reliability.acme.token',
    id: 'acme',
    supports: (e: Entity) =>
      Boolean(e.metadata.annotations?.['acme.example/team']),
    read: readAcme,
  };

  it('builds the provider from the settings it read', () => {
    const real: OnCallProvider = {
      id: 'acme',
      supports: () => true,
      getOnCall: jest.fn(),
    };
    const provider = onCallProviderFromConfig({
      ...options,
      config: mockServices.rootConfig({
        data: { reliability: { acme: { token: 't' } } },
      }),
      logger: mockServices.logger.mock(),
      create: () => real,
    });
    expect(provider).toBe(real);
  });

  it('still serves the entities it supports, answering each with "not configured"', async () => {
    const logger = mockServices.logger.mock();
    const provider = onCallProviderFromConfig({
      ...options,
      config: mockServices.rootConfig(),
      logger,
      create: () => {
        throw new Error('not called');
      },
    });
    expect(logger.warn).toHaveBeenCalledWith(
      'Acme module installed but reliability.acme.token is not configured: entities using the Acme provider show "Acme provider not configured: set reliability.acme.token in app-config"',
    );
    expect(provider.id).toBe('acme');
    expect(provider.supports(entity({ 'acme.example/team': 'pay' }))).toBe(
      true,
    );
    expect(provider.supports(entity())).toBe(false);
    await expect(
      provider.getOnCall({
        entity: entity({ 'acme.example/team': 'pay' }),
        at: new Date(),
        horizonDays: 7,
      }),
    ).rejects.toThrow(
      new ProviderNotConfiguredError('Acme', 'reliability.acme.token'),
    );
  });
});

describe('incidentProviderFromConfig', () => {
  const options = {
    vendor: 'Acme',
    configKey: 'reliability.acme.token',
    id: 'acme',
    supports: (e: Entity) =>
      Boolean(e.metadata.annotations?.['acme.example/team']),
    read: readAcme,
  };

  it('builds the provider from the settings it read', () => {
    const real: IncidentProvider = {
      id: 'acme',
      supports: () => true,
      getIncidents: jest.fn(),
    };
    const create = jest.fn(() => real);
    const logger = mockServices.logger.mock();
    const provider = incidentProviderFromConfig({
      ...options,
      config: mockServices.rootConfig({
        data: { reliability: { acme: { token: 't' } } },
      }),
      logger,
      create,
    });
    expect(provider).toBe(real);
    expect(create).toHaveBeenCalledWith({ token: 't' });
    expect(logger.warn).not.toHaveBeenCalled();
  });

  it('still serves the entities it supports, failing each read with "not configured"', async () => {
    const logger = mockServices.logger.mock();
    const provider = incidentProviderFromConfig({
      ...options,
      config: mockServices.rootConfig(),
      logger,
      create: () => {
        throw new Error('not called');
      },
    });
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledWith(
      'Acme module installed but reliability.acme.token is not configured: entities using the Acme provider show "Acme provider not configured: set reliability.acme.token in app-config"',
    );
    expect(provider.id).toBe('acme');
    expect(provider.supports(entity({ 'acme.example/team': 'pay' }))).toBe(
      true,
    );
    expect(provider.supports(entity())).toBe(false);
    await expect(
      provider.getIncidents({
        entity: entity({ 'acme.example/team': 'pay' }),
        from: new Date(0),
        to: new Date(),
      }),
    ).rejects.toThrow(
      new ProviderNotConfiguredError('Acme', 'reliability.acme.token'),
    );
  });

  it('can skip the warning when another provider of the module already gave it', async () => {
    const logger = mockServices.logger.mock();
    const provider = incidentProviderFromConfig({
      ...options,
      config: mockServices.rootConfig(),
      logger,
      quiet: true,
      create: () => {
        throw new Error('not called');
      },
    });
    expect(logger.warn).not.toHaveBeenCalled();
    await expect(
      provider.getIncidents({
        entity: entity(),
        from: new Date(0),
        to: new Date(),
      }),
    ).rejects.toBeInstanceOf(ProviderNotConfiguredError);
  });
});
