/**
 * An ISO 8601 instant to the minute in UTC, as reports and notifications write it: "2026-12-01 20:57 UTC". The
 * string's own digits are used (no time-zone conversion), so it must be a UTC ISO string (`toISOString()`).
 *
 * @public
 */
export function utcMinute(iso: string): string {
  return `${iso.slice(0, 16).replace('T', ' ')} UTC`;
}
