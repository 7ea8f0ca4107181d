const DAY_MS = 86_400_000;

/** Calendar day (`YYYY-MM-DD`, UTC) of an instant. */
export function dayOf(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** The day `n` days after (negative: before) `day`. */
export function addDays(day: string, n: number): string {
  return dayOf(new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS));
}

/**
 * Next run of the daily snapshot scheduled at `hour`:00 in the server's time zone (the scheduler's cron runs in
 * the server's local time), strictly after `now`.
 */
export function nextSnapshotAt(now: Date, hour: number): Date {
  const next = new Date(now.getTime());
  next.setHours(hour, 0, 0, 0);
  if (next.getTime() <= now.getTime()) {
    next.setDate(next.getDate() + 1);
  }
  return next;
}
