const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "in 3 hours", "2 days ago", "now": relative to `now`; "—" for a missing or invalid time. */
export function formatRelative(
  iso: string | null | undefined,
  now: Date,
): string {
  const time = iso ? Date.parse(iso) : NaN;
  if (!Number.isFinite(time)) return '—';
  const diff = time - now.getTime();
  const format = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
  for (const [unit, ms] of UNITS) {
    if (Math.abs(diff) >= ms) {
      return format.format(Math.round(diff / ms), unit);
    }
  }
  return 'now';
}

/** Date and time in the viewer's time zone, with the zone's name: "Sat, Nov 21, 09:00 CET". */
export function formatAbsolute(
  iso: string | null | undefined,
  timeZone?: string,
): string {
  const time = iso ? Date.parse(iso) : NaN;
  if (!Number.isFinite(time)) return '—';
  return new Intl.DateTimeFormat('en', {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
    timeZone,
  }).format(new Date(time));
}

/** "in 3 hours (Sat, Nov 21, 09:00 CET)". */
export function formatWhen(iso: string | null | undefined, now: Date): string {
  const relative = formatRelative(iso, now);
  return relative === '—' ? relative : `${relative} (${formatAbsolute(iso)})`;
}

/** "Sat, Nov 21, 09:00 CET (in 3 hours)": when a shift ends, the time first (it follows "until"). */
export function formatUntil(iso: string | null | undefined, now: Date): string {
  const absolute = formatAbsolute(iso);
  return absolute === '—'
    ? absolute
    : `${absolute} (${formatRelative(iso, now)})`;
}

/** A number of hours for display ("12.5 h"); "—" when not a finite number. */
export function formatHours(hours: number | null | undefined): string {
  return typeof hours === 'number' && Number.isFinite(hours)
    ? `${hours.toFixed(1)} h`
    : '—';
}

/** A 0..1 share as a percentage; "—" when missing. */
export function formatShare(share: number | null | undefined): string {
  return typeof share === 'number' && Number.isFinite(share)
    ? `${Math.round(share * 100)}%`
    : '—';
}
