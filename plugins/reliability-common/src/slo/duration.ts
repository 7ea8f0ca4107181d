/**
 * OpenSLO duration shorthands (`5m`, `1h`, `28d`, `4w`, `1M`, `1Q`, `1Y`).
 */

/** Units with a fixed length in seconds. */
const FIXED_UNIT_SECONDS: Record<string, number> = {
  s: 1,
  m: 60,
  h: 3600,
  d: 86400,
  w: 7 * 86400,
};

/** Calendar units (variable length) of an OpenSLO duration. */
const CALENDAR_UNITS = {
  d: 'Day',
  w: 'Week',
  M: 'Month',
  Q: 'Quarter',
  Y: 'Year',
} as const;

/** @public */
export type CalendarUnit = (typeof CALENDAR_UNITS)[keyof typeof CALENDAR_UNITS];

const DURATION_PATTERN = /^([1-9][0-9]{0,5})([smhdwMQY])$/;

/** A parsed OpenSLO duration: a positive integer count of a unit. @public */
export interface ParsedDuration {
  count: number;
  unit: 's' | 'm' | 'h' | 'd' | 'w' | 'M' | 'Q' | 'Y';
}

/** Parses `<count><unit>`; undefined when the text is not a duration. @public */
export function parseDuration(text: string): ParsedDuration | undefined {
  const match = DURATION_PATTERN.exec(text.trim());
  if (!match) {
    return undefined;
  }
  return {
    count: Number(match[1]),
    unit: match[2] as ParsedDuration['unit'],
  };
}

/**
 * Length in seconds of a fixed-length duration (`s`, `m`, `h`, `d`, `w`);
 * undefined for calendar units (`M`, `Q`, `Y`), whose length depends on the date.
 *
 * @public
 */
export function fixedDurationSeconds(
  duration: ParsedDuration,
): number | undefined {
  const unitSeconds = FIXED_UNIT_SECONDS[duration.unit];
  return unitSeconds === undefined ? undefined : duration.count * unitSeconds;
}

/** Calendar unit of a duration used as a calendar window (`1M` -> Month); undefined for s/m/h. @public */
export function calendarUnitOf(
  duration: ParsedDuration,
): CalendarUnit | undefined {
  return (CALENDAR_UNITS as Record<string, CalendarUnit>)[duration.unit];
}

/** The largest count of each calendar unit that keeps a calendar window within a year (366 days). */
export const CALENDAR_UNIT_MAX_COUNT: Record<CalendarUnit, number> = {
  Day: 366,
  Week: 52,
  Month: 12,
  Quarter: 4,
  Year: 1,
};
