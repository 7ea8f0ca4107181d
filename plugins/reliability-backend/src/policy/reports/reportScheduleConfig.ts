import { parseEntityRef } from '@backstage/catalog-model';
import { Config, readDurationFromConfig } from '@backstage/config';
import { entityRefKey } from '@internal/backstage-plugin-reliability-common';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';

/** Weekdays as `reliability.reports.schedule.weekday` names them, in cron order (0 = Sunday). */
export const WEEKDAYS = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
] as const;

const WEEK_MS = 7 * 24 * 3600_000;
const HOUR_MS = 3600_000;
const KEY = 'reliability.reports.schedule';

/** When the SLO review report is sent to the teams (`reliability.reports.*`), as the scheduler runs it. */
export interface ReportSchedule {
  /** The scheduler's cadence: a cron expression, or a duration. */
  frequency: { cron: string } | HumanDuration;
  /** First run of a duration cadence: one cadence after the task is first registered (no report at first start). */
  initialDelay?: HumanDuration;
  /**
   * Weekday schedules run every week on that day; the report is sent every `everyWeeks`th week only, counted from
   * Monday 1970-01-05 (so every replica and every restart agrees on which weeks).
   */
  everyWeeks: number;
  /** Only these teams (normalised group refs) get it; undefined: every group that owns an entity with SLOs. */
  owners?: string[];
}

function configError(key: string, message: string): Error {
  return new Error(`Invalid config ${key}: ${message}`);
}

function readOwners(config: Config): string[] | undefined {
  const key = 'reliability.reports.owners';
  const owners = config.getOptionalStringArray(key);
  if (!owners) return undefined;
  return owners.map(owner => {
    try {
      const ref = parseEntityRef(owner, {
        defaultKind: 'group',
        defaultNamespace: 'default',
      });
      return entityRefKey(ref);
    } catch (error) {
      throw configError(key, `'${owner}' is not an entity ref: ${error}`);
    }
  });
}

/** `HH:MM` (24 hours) as hour and minute. */
function readTime(config: Config): { hour: number; minute: number } {
  const text = config.getOptionalString(`${KEY}.time`) ?? '08:00';
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  if (!match) {
    throw configError(
      `${KEY}.time`,
      `expected HH:MM (24 hours), got '${text}'`,
    );
  }
  return { hour: Number(match[1]), minute: Number(match[2]) };
}

/**
 * Reads `reliability.reports.schedule` (undefined when not set: no report is sent) and `reliability.reports.owners`.
 * The schedule is one of
 * - `cron`: a cron expression (5 or 6 fields, the backend's time zone);
 * - `weekday` (`monday`..`sunday`), with `time` (`HH:MM`, default 08:00) and `frequency` in whole weeks (default
 *   one week);
 * - `frequency` alone: a Backstage duration (`{ days: 7 }` or ISO `P7D`), at least one hour.
 */
export function readReportScheduleConfig(
  config: Config,
): ReportSchedule | undefined {
  const section = config.getOptionalConfig(KEY);
  if (!section) return undefined;
  const known = new Set(['cron', 'frequency', 'weekday', 'time']);
  const unknown = section.keys().filter(key => !known.has(key));
  if (unknown.length > 0) {
    throw configError(
      KEY,
      `unknown keys ${unknown.join(
        ', ',
      )} (use cron, or frequency with an optional weekday and time)`,
    );
  }
  const owners = readOwners(config);
  const cron = section.getOptionalString('cron')?.trim();
  const weekday = section.getOptionalString('weekday')?.toLowerCase();
  const frequency = section.has('frequency')
    ? readDurationFromConfig(section, { key: 'frequency' })
    : undefined;
  if (cron !== undefined) {
    if (frequency || weekday || section.has('time')) {
      throw configError(KEY, 'give either cron, or frequency / weekday / time');
    }
    if (!/^\S+(\s+\S+){4,5}$/.test(cron)) {
      throw configError(
        `${KEY}.cron`,
        `expected a cron expression of 5 or 6 fields, got '${cron}'`,
      );
    }
    return { frequency: { cron }, everyWeeks: 1, owners };
  }
  if (weekday !== undefined) {
    const day = (WEEKDAYS as readonly string[]).indexOf(weekday);
    if (day < 0) {
      throw configError(
        `${KEY}.weekday`,
        `expected one of ${WEEKDAYS.join(', ')}`,
      );
    }
    const ms = frequency ? durationToMilliseconds(frequency) : WEEK_MS;
    if (ms < WEEK_MS || ms % WEEK_MS !== 0 || ms > 52 * WEEK_MS) {
      throw configError(
        `${KEY}.frequency`,
        'with a weekday, the frequency must be a whole number of weeks (1 to 52)',
      );
    }
    const { hour, minute } = readTime(config);
    return {
      frequency: { cron: `${minute} ${hour} * * ${day}` },
      everyWeeks: ms / WEEK_MS,
      owners,
    };
  }
  if (section.has('time')) {
    throw configError(`${KEY}.time`, 'needs a weekday');
  }
  if (!frequency) {
    throw configError(KEY, 'give cron, weekday or frequency');
  }
  if (durationToMilliseconds(frequency) < HOUR_MS) {
    throw configError(`${KEY}.frequency`, 'must be at least one hour');
  }
  return { frequency, initialDelay: frequency, everyWeeks: 1, owners };
}

/** Whether a weekday schedule sends in the week of `at`: every `everyWeeks`th week since Monday 1970-01-05. */
export function isReportWeek(at: Date, everyWeeks: number): boolean {
  const anchor = Date.UTC(1970, 0, 5);
  const week = Math.floor((at.getTime() - anchor) / WEEK_MS);
  return week % everyWeeks === 0;
}
