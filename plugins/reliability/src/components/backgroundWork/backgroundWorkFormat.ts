import {
  BackgroundTaskState,
  BackgroundTaskStatus,
} from '@internal/backstage-plugin-reliability-common';
import { formatDuration } from '../incidents/incidentFormat';

const ISO_DURATION =
  /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** An ISO 8601 duration of days to seconds in seconds (`PT5M` -> 300); undefined for anything else. */
export function isoDurationSeconds(iso: string): number | undefined {
  const match = ISO_DURATION.exec(iso);
  if (!match || iso === 'P' || iso.endsWith('T')) return undefined;
  const [, days, hours, minutes, seconds] = match.map(Number);
  return (
    (days || 0) * 86_400 +
    (hours || 0) * 3_600 +
    (minutes || 0) * 60 +
    (seconds || 0)
  );
}

/** A task's cadence for people: "every 5 min", "cron 0 3 * * *", "on demand". */
export function formatCadence(cadence: string): string {
  if (cadence === 'manual') return 'on demand';
  const seconds = isoDurationSeconds(cadence);
  if (seconds !== undefined) return `every ${formatDuration(seconds)}`;
  return `cron ${cadence}`;
}

/** Each state's words, and whether it needs someone's attention. */
export const STATE_TEXT: Record<
  BackgroundTaskState,
  { label: string; attention: boolean }
> = {
  ok: { label: 'On time', attention: false },
  running: { label: 'Running', attention: false },
  waiting: { label: 'Waiting for its first run', attention: false },
  failing: { label: 'Last run failed', attention: true },
  late: { label: 'Late', attention: true },
  interrupted: { label: 'Interrupted', attention: true },
};

/** The tasks that need attention (late, failing, interrupted), most urgent first. */
export function tasksNeedingAttention(
  tasks: BackgroundTaskStatus[],
): BackgroundTaskStatus[] {
  const order: BackgroundTaskState[] = ['late', 'interrupted', 'failing'];
  return tasks
    .filter(task => STATE_TEXT[task.state].attention)
    .sort((a, b) => order.indexOf(a.state) - order.indexOf(b.state));
}
