/** When the next daily snapshot is taken, for the empty state ("today at 02:00", or a date and time). */
export function formatSnapshotTime(
  iso: string,
  now: Date = new Date(),
): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return 'the next daily snapshot';
  const time = at.toLocaleTimeString(undefined, {
    hour: '2-digit',
    minute: '2-digit',
  });
  const sameDay = at.toDateString() === now.toDateString();
  if (sameDay) return `today at ${time}`;
  const tomorrow = new Date(now);
  tomorrow.setDate(now.getDate() + 1);
  if (at.toDateString() === tomorrow.toDateString()) {
    return `tomorrow at ${time}`;
  }
  return at.toLocaleString(undefined, {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** "No snapshots yet: the first is taken at ..." */
export function noSnapshotsText(nextSnapshotAt: string): string {
  return `No snapshots yet: the first is taken ${formatSnapshotTime(
    nextSnapshotAt,
  )}.`;
}

/** A signed score change ("+12.5", "-3", "±0"). */
export function formatChange(change: number | null): string {
  if (change === null || !Number.isFinite(change)) return '—';
  if (change === 0) return '±0';
  const text = String(Math.round(change * 10) / 10);
  return change > 0 ? `+${text}` : text;
}
