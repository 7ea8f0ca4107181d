import {
  LoggerService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { ProviderNotConfiguredError } from './http/errors';
import { AlertSource } from './alertSources';
import { IncidentProvider } from './incidentProviders';
import { OnCallProvider } from './onCallProviders';
import { SliProvider } from './sliProviders';

/**
 * How a provider module turns its configuration into a provider (config -> client -> provider).
 *
 * @public
 */
export interface ProviderFromConfigOptions<TSettings, TProvider> {
  config: RootConfigService;
  logger: LoggerService;
  /** The vendor as users know it, e.g. `Datadog`: messages say "Datadog provider not configured". */
  vendor: string;
  /** The configuration whose absence means "not configured", e.g. `reliability.datadog`. */
  configKey: string;
  /** What to set, when it says more than `configKey`, e.g. `reliability.datadog.apiKey and reliability.datadog.applicationKey`. */
  required?: string;
  /**
   * Reads what `create` needs (settings, a client): undefined when the module is not configured. Throws
   * (a ProviderConfigError) when the configuration is present but invalid, which fails the start-up.
   */
  read(config: RootConfigService): TSettings | undefined;
  create(settings: TSettings): TProvider;
  /**
   * Skip the start-up warning when not configured: for the second provider of a module (e.g. its incident
   * provider beside its on-call provider), whose first provider already warned about the same keys.
   */
  quiet?: boolean;
}

/** The settings, or (after one start-up warning) the error to answer every request with. */
function readOrWarn<TSettings>(
  options: ProviderFromConfigOptions<TSettings, unknown>,
): { settings: TSettings } | { notConfigured: () => Error } {
  const settings = options.read(options.config);
  if (settings !== undefined) {
    return { settings };
  }
  const { vendor, configKey, required = configKey } = options;
  const notConfigured = () => new ProviderNotConfiguredError(vendor, required);
  if (options.quiet) return { notConfigured };
  options.logger.warn(
    `${vendor} module installed but ${configKey} is not configured: entities using the ${vendor} provider show "${
      notConfigured().message
    }"`,
  );
  return { notConfigured };
}

/**
 * The SLI provider of a module: built from its configuration, or, when the module is installed but not
 * configured, one that fails every request with a ProviderNotConfiguredError (after one start-up warning).
 *
 * @public
 */
export function sliProviderFromConfig<TSettings>(
  options: ProviderFromConfigOptions<TSettings, SliProvider> & {
    /** The provider's `type`, served also when not configured. */
    type: string;
  },
): SliProvider {
  const read = readOrWarn(options);
  if ('settings' in read) {
    return options.create(read.settings);
  }
  return {
    type: options.type,
    async getEventCounts() {
      throw read.notConfigured();
    },
  };
}

/**
 * The on-call provider of a module: built from its configuration, or, when the module is installed but not
 * configured, one that still serves the entities it `supports` and fails each with a ProviderNotConfiguredError
 * (shown as the entity's degraded on-call state), after one start-up warning.
 *
 * @public
 */
export function onCallProviderFromConfig<TSettings>(
  options: ProviderFromConfigOptions<TSettings, OnCallProvider> & {
    /** The provider's `id`, used also when not configured. */
    id: string;
    /** The entities the provider serves (e.g. "has my annotation"), also when not configured. */
    supports(entity: Entity): boolean;
  },
): OnCallProvider {
  const read = readOrWarn(options);
  if ('settings' in read) {
    return options.create(read.settings);
  }
  return {
    id: options.id,
    supports: entity => options.supports(entity),
    async getOnCall() {
      throw read.notConfigured();
    },
  };
}

/**
 * The incident provider of a module: built from its configuration, or, when the module is installed but not
 * configured, one that still serves the entities it `supports` and fails each read with a
 * ProviderNotConfiguredError (shown as the source's error on the entity's incidents), after one start-up warning.
 *
 * @public
 */
export function incidentProviderFromConfig<TSettings>(
  options: ProviderFromConfigOptions<TSettings, IncidentProvider> & {
    /** The provider's `id`, used also when not configured. */
    id: string;
    /** The entities the provider serves (e.g. "has my annotation"), also when not configured. */
    supports(entity: Entity): boolean;
  },
): IncidentProvider {
  const read = readOrWarn(options);
  if ('settings' in read) {
    return options.create(read.settings);
  }
  return {
    id: options.id,
    supports: entity => options.supports(entity),
    async getIncidents() {
      throw read.notConfigured();
    },
  };
}

/**
 * The alert source of a module: built from its configuration, or, when the module is installed but not
 * configured, one whose every read fails with a ProviderNotConfiguredError (shown as the source's error; no
 * inventory), after one start-up warning unless `quiet`.
 *
 * @public
 */
export function alertSourceFromConfig<TSettings>(
  options: ProviderFromConfigOptions<TSettings, AlertSource> & {
    /** The source's `id`, used also when not configured. */
    id: string;
  },
): AlertSource {
  const read = readOrWarn(options);
  if ('settings' in read) {
    return options.create(read.settings);
  }
  return {
    id: options.id,
    async getInventory() {
      throw read.notConfigured();
    },
  };
}
