import {
  IncidentSeverity,
  PostmortemState,
} from '@internal/backstage-plugin-reliability-common';

/** `sev1` -> "SEV-1". */
export function severityLabel(severity: IncidentSeverity): string {
  return `SEV-${severity.slice(3)}`;
}

/** A duration in seconds, short: "45 s", "4 min", "1 h 35 min", "2 d 3 h"; "—" when unknown. */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) {
    return '—';
  }
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  const minutes = Math.round(s / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) {
    const rest = minutes % 60;
    return rest ? `${hours} h ${rest} min` : `${hours} h`;
  }
  const days = Math.floor(hours / 24);
  const restHours = hours % 24;
  return restHours ? `${days} d ${restHours} h` : `${days} d`;
}

/** A date in the viewer's time zone: "Nov 21". */
export function formatDay(iso: string | null | undefined): string {
  const time = iso ? Date.parse(iso) : NaN;
  if (!Number.isFinite(time)) return '—';
  return new Intl.DateTimeFormat('en', {
    month: 'short',
    day: 'numeric',
  }).format(new Date(time));
}

/** A calendar date written YYYY-MM-DD, as is, in words: "Dec 4, 2026" (no time zone shift). */
export function formatDate(date: string | null | undefined): string {
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return '—';
  return new Intl.DateTimeFormat('en', {
    month: 'short',
    day: 'numeric',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));
}

/** What an incident's postmortem state means, in words. */
export const POSTMORTEM_STATE_LABEL: Record<PostmortemState, string> = {
  'not-required': 'Not required',
  written: 'Written',
  due: 'Due',
  overdue: 'Overdue',
};
