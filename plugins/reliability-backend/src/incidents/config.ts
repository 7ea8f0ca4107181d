import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { HumanDuration } from '@backstage/types';
import {
  INCIDENT_SEVERITIES,
  IncidentSeverity,
  parseIncidentSeverity,
} from '@internal/backstage-plugin-reliability-common';
import { readDuration, readDurationMs } from '../shared/config';
import { isValidTimeZone } from './postmortems/businessDays';

/** Days of incidents listed per service and summarised (MTTA, MTTR, postmortems). */
export const INCIDENT_WINDOW_DAYS = 90;
/** Default of `reliability.incidents.retention.days`. */
export const DEFAULT_INCIDENT_RETENTION_DAYS = 400;
/** Default of `reliability.incidents.postmortemRequired.severity`. */
export const DEFAULT_POSTMORTEM_SEVERITY: IncidentSeverity = 'sev2';
/** Default of `reliability.incidents.postmortemRequired.businessDays`. */
export const DEFAULT_POSTMORTEM_BUSINESS_DAYS = 5;

/** Settings of the incidents area (`reliability.incidents.*`, and the demo switch `reliability.demo.seedIncidents`). */
export interface IncidentsConfig {
  /** How often incidents are read from the providers and summaries are rebuilt. */
  refreshInterval: HumanDuration;
  /** Time limit of one provider read (one entity, one provider). */
  providerTimeoutMs: number;
  /** Days incidents are kept (counted from their start). */
  retentionDays: number;
  /** Incidents of this severity or worse need a postmortem. */
  postmortemSeverity: IncidentSeverity;
  /** Business days (Mon-Fri in the team's time zone) after the resolution a needed postmortem may take. */
  postmortemBusinessDays: number;
  /** Time zone of teams that name none (IANA). */
  defaultTimeZone: string;
  /** The mean time to acknowledge incidents should stay within (checklist item `acknowledge-within-target`). */
  acknowledgeTargetMs: number;
  /** DEMO ONLY: write a synthetic incident history for the demo catalog. */
  demoSeeding: boolean;
}

const key = (name: string) => `reliability.incidents.${name}`;

function configError(name: string, message: string): Error {
  return new Error(`Invalid config ${name}: ${message}`);
}

function readWholeNumber(
  config: Config,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const value = config.getOptionalNumber(name) ?? fallback;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw configError(
      name,
      `must be a whole number between ${min} and ${max}, got ${value}`,
    );
  }
  return value;
}

/** Reads and validates every config key of the incidents area; a bad value stops the backend, naming the key. */
export function readIncidentsConfig(
  config: Config,
  logger: LoggerService,
): IncidentsConfig {
  const severityText = config.getOptionalString(
    key('postmortemRequired.severity'),
  );
  const postmortemSeverity =
    severityText === undefined
      ? DEFAULT_POSTMORTEM_SEVERITY
      : parseIncidentSeverity(severityText);
  if (!postmortemSeverity) {
    throw configError(
      key('postmortemRequired.severity'),
      `must be one of ${INCIDENT_SEVERITIES.join(', ')}, got '${severityText}'`,
    );
  }
  const defaultTimeZone =
    config.getOptionalString(key('defaultTimeZone')) ?? 'UTC';
  if (!isValidTimeZone(defaultTimeZone)) {
    throw configError(
      key('defaultTimeZone'),
      `must be an IANA time zone such as Europe/Berlin, got '${defaultTimeZone}'`,
    );
  }
  const demoSeeding =
    config.getOptionalBoolean('reliability.demo.seedIncidents') ?? false;
  if (demoSeeding) {
    logger.warn(
      'reliability.demo.seedIncidents is on: the embedded incident source is filled with a SYNTHETIC incident history. ' +
        'Never enable it in production (app-config.production.yaml turns it off).',
    );
  }
  return {
    refreshInterval: readDuration(
      config,
      key('refreshInterval'),
      { minutes: 15 },
      { logger, min: { minutes: 1 }, max: { days: 1 } },
    ),
    providerTimeoutMs: readDurationMs(
      config,
      key('providerTimeout'),
      { seconds: 60 },
      { logger, min: { seconds: 1 }, max: { minutes: 10 } },
    ),
    retentionDays: readWholeNumber(
      config,
      key('retention.days'),
      DEFAULT_INCIDENT_RETENTION_DAYS,
      INCIDENT_WINDOW_DAYS,
      3650,
    ),
    postmortemSeverity,
    postmortemBusinessDays: readWholeNumber(
      config,
      key('postmortemRequired.businessDays'),
      DEFAULT_POSTMORTEM_BUSINESS_DAYS,
      1,
      60,
    ),
    defaultTimeZone,
    acknowledgeTargetMs: readDurationMs(
      config,
      key('acknowledgeTarget'),
      { minutes: 15 },
      { logger, min: { minutes: 1 }, max: { days: 1 } },
    ),
    demoSeeding,
  };
}
