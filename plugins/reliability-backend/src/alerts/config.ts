import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';
import {
  ALERT_WINDOW_DAYS,
  AlertNoiseRule,
  DEFAULT_ALERT_NOISE_RULE,
} from '@internal/backstage-plugin-reliability-common';
import { readDuration, readDurationMs } from '../shared/config';

/** Default of `reliability.alerts.retention.days`. */
export const DEFAULT_ALERT_RETENTION_DAYS = 90;
/** Default of `reliability.alerts.mapping.label`. */
export const DEFAULT_ALERT_MAPPING_LABEL = 'service';

/** Settings of the alerts area (`reliability.alerts.*`, and the demo switch `reliability.demo.seedAlerts`). */
export interface AlertsConfig {
  /** How often the alert sources are read and summaries rebuilt. */
  refreshInterval: HumanDuration;
  /** Time limit of reading one source. */
  sourceTimeoutMs: number;
  /** Days firings are kept (counted from their start). */
  retentionDays: number;
  /**
   * The label (Prometheus) or tag key (Datadog) naming the entity an alert belongs to: its value is an entity
   * name (`checkout-api`) or ref (`resource:default/orders-db`).
   */
  mappingLabel: string;
  noise: AlertNoiseRule;
  /** DEMO ONLY: write synthetic alert inventories for the demo catalog. */
  demoSeeding: boolean;
}

const key = (name: string) => `reliability.alerts.${name}`;

function configError(name: string, message: string): Error {
  return new Error(`Invalid config ${name}: ${message}`);
}

function readNumber(
  config: Config,
  name: string,
  fallback: number,
  min: number,
  max: number,
  whole: boolean,
): number {
  const value = config.getOptionalNumber(name) ?? fallback;
  if ((whole && !Number.isInteger(value)) || !(value >= min && value <= max)) {
    throw configError(
      name,
      `must be a ${
        whole ? 'whole ' : ''
      }number between ${min} and ${max}, got ${value}`,
    );
  }
  return value;
}

/** Reads and validates every config key of the alerts area; a bad value stops the backend, naming the key. */
export function readAlertsConfig(
  config: Config,
  logger: LoggerService,
): AlertsConfig {
  const mappingLabel =
    config.getOptionalString(key('mapping.label'))?.trim() ??
    DEFAULT_ALERT_MAPPING_LABEL;
  if (!/^[A-Za-z_][A-Za-z0-9_.\-/]{0,99}$/.test(mappingLabel)) {
    throw configError(
      key('mapping.label'),
      `must be a label or tag name such as service, got '${mappingLabel}'`,
    );
  }
  const demoSeeding =
    config.getOptionalBoolean('reliability.demo.seedAlerts') ?? false;
  if (demoSeeding) {
    logger.warn(
      'reliability.demo.seedAlerts is on: the embedded alert source is filled with SYNTHETIC alert inventories. ' +
        'Never enable it in production (app-config.production.yaml turns it off).',
    );
  }
  const quickResolve = readDuration(
    config,
    key('noise.quickResolve'),
    { minutes: DEFAULT_ALERT_NOISE_RULE.quickResolveMinutes },
    { logger, min: { minutes: 1 }, max: { hours: 24 } },
  );
  return {
    refreshInterval: readDuration(
      config,
      key('refreshInterval'),
      { minutes: 10 },
      { logger, min: { minutes: 1 }, max: { days: 1 } },
    ),
    sourceTimeoutMs: readDurationMs(
      config,
      key('sourceTimeout'),
      { seconds: 60 },
      { logger, min: { seconds: 1 }, max: { minutes: 10 } },
    ),
    retentionDays: readNumber(
      config,
      key('retention.days'),
      DEFAULT_ALERT_RETENTION_DAYS,
      ALERT_WINDOW_DAYS,
      3650,
      true,
    ),
    mappingLabel,
    noise: {
      minFirings: readNumber(
        config,
        key('noise.minFirings'),
        DEFAULT_ALERT_NOISE_RULE.minFirings,
        2,
        10_000,
        true,
      ),
      quickResolveMinutes: durationToMilliseconds(quickResolve) / 60_000,
      quickShare: readNumber(
        config,
        key('noise.quickShare'),
        DEFAULT_ALERT_NOISE_RULE.quickShare,
        0.01,
        1,
        false,
      ),
    },
    demoSeeding,
  };
}
