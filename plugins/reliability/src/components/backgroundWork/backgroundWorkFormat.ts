import {
  BACKGROUND_TASK_TROUBLE_STATES,
  backgroundTaskInTrouble,
  pluralCount,
  BackgroundTaskReplicaCount,
  BackgroundTaskReplicaStatus,
  BackgroundTaskState,
  BackgroundTaskStatus,
  replicasInTrouble,
} from '@internal/backstage-plugin-reliability-common';
import { formatDuration } from '../incidents/incidentFormat';
import { formatRelative } from '../oncall/formatOnCallTime';

const ISO_DURATION =
  /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/**
 * An ISO 8601 duration of weeks to seconds in seconds (`PT5M` -> 300); undefined for anything else (months and
 * years have no fixed length).
 */
export function isoDurationSeconds(iso: string): number | undefined {
  const match = ISO_DURATION.exec(iso);
  if (!match || iso === 'P' || iso.endsWith('T')) return undefined;
  const [, weeks, days, hours, minutes, seconds] = match.map(Number);
  return (
    (weeks || 0) * 7 * 86_400 +
    (days || 0) * 86_400 +
    (hours || 0) * 3_600 +
    (minutes || 0) * 60 +
    (seconds || 0)
  );
}

/**
 * A task's cadence for people: "every 5 min", "cron 0 3 * * *", "on demand"; a duration of months or years as it
 * is written ("every P1M").
 */
export function formatCadence(cadence: string): string {
  if (cadence === 'manual') return 'on demand';
  const seconds = isoDurationSeconds(cadence);
  if (seconds !== undefined) return `every ${formatDuration(seconds)}`;
  return cadence.startsWith('P') ? `every ${cadence}` : `cron ${cadence}`;
}

/** Each state in words. */
export const STATE_TEXT: Record<BackgroundTaskState, string> = {
  ok: 'On time',
  running: 'Running',
  waiting: 'Waiting for its first run',
  failing: 'Last run failed',
  late: 'Late',
  interrupted: 'Interrupted',
};

/**
 * When the next run is due, for people: "in 3 minutes"; "now" once the time has come (the scheduler starts it
 * within moments); "was due 20 minutes ago" for a late task; "—" when none is due (running, on demand).
 */
export function formatNextRunDue(
  task: BackgroundTaskStatus,
  now: Date,
): string {
  if (!task.nextRunDueAt) return '—';
  if (task.state === 'late') {
    return `was due ${formatRelative(task.nextRunDueAt, now)}`;
  }
  return Date.parse(task.nextRunDueAt) <= now.getTime()
    ? 'now'
    : formatRelative(task.nextRunDueAt, now);
}

/** A successful run taking at least this share of its cadence leaves little room: the card says so. */
export const BUSY_SHARE = 0.5;

/**
 * The share of its cadence the task's last successful run took, when that is {@link BUSY_SHARE} or more of a
 * duration cadence (a cron's or a manual task's is not compared); undefined otherwise.
 */
export function busyShare(task: BackgroundTaskStatus): number | undefined {
  const cadence = isoDurationSeconds(task.cadence);
  if (!task.lastSuccess || !cadence) return undefined;
  const share = task.lastSuccess.durationMs / 1000 / cadence;
  return share >= BUSY_SHARE ? share : undefined;
}

/** A run's length: "350 ms" under a second, else as {@link formatDuration} says it ("21 s", "4 min"). */
export function formatRunDuration(ms: number | undefined): string {
  if (ms === undefined) return '—';
  return ms < 1000
    ? `${Math.max(0, Math.round(ms))} ms`
    : formatDuration(ms / 1000);
}

const URGENCY = BACKGROUND_TASK_TROUBLE_STATES;
const DEMO_SEEDER = /-demo-seeder$/;

/**
 * The tasks in reading order: those needing attention first (late, interrupted, failing), then the suite's own by
 * name, the demo's seeders last.
 */
export function orderTasks(
  tasks: BackgroundTaskStatus[],
  label: (id: string) => string,
): BackgroundTaskStatus[] {
  const rank = (task: BackgroundTaskStatus) => {
    const urgency = URGENCY.indexOf(task.state);
    if (urgency >= 0) return urgency;
    return DEMO_SEEDER.test(task.id) ? URGENCY.length + 1 : URGENCY.length;
  };
  return [...tasks].sort(
    (a, b) => rank(a) - rank(b) || label(a.id).localeCompare(label(b.id)),
  );
}

/** The tasks that need attention (late, failing, interrupted), most urgent first. */
export function tasksNeedingAttention(
  tasks: BackgroundTaskStatus[],
): BackgroundTaskStatus[] {
  return tasks
    .filter(task => backgroundTaskInTrouble(task.state))
    .sort((a, b) => URGENCY.indexOf(a.state) - URGENCY.indexOf(b.state));
}

/** Each state of a replica's copy, as a count says it ("1 failing"), most urgent first; on time is said apart. */
const REPLICA_STATE_WORDS: Array<[BackgroundTaskState, string]> = [
  ['late', 'late'],
  ['interrupted', 'interrupted'],
  ['failing', 'failing'],
  ['running', 'running'],
  ['waiting', 'waiting for a first run'],
];

/**
 * How many replicas run a local task and how they do, without naming them: "2 replicas, 1 failing", "3 replicas,
 * all on time", "1 replica, on time".
 */
export function formatReplicaCount(count: BackgroundTaskReplicaCount): string {
  const head = pluralCount(count.total, 'replica');
  const parts = REPLICA_STATE_WORDS.filter(
    ([state]) => (count.byState[state] ?? 0) > 0,
  ).map(([state, words]) => `${count.byState[state]} ${words}`);
  if (parts.length > 0) return `${head}, ${parts.join(', ')}`;
  return `${head}, ${count.total === 1 ? 'on time' : 'all on time'}`;
}

/** "2 of 3 replicas". */
export function ofReplicas(count: number, total: number): string {
  return `${count} of ${pluralCount(total, 'replica')}`;
}

/**
 * A task needing attention as the summary names it: its label, and for a local task how many of its replicas are
 * in trouble ("On-call schedule files (1 of 3 replicas)").
 */
export function attentionName(
  task: BackgroundTaskStatus,
  label: (id: string) => string,
): string {
  const count = task.replicaCount;
  if (!count) return label(task.id);
  const inTrouble = replicasInTrouble(count);
  return `${label(task.id)} (${ofReplicas(inTrouble, count.total)})`;
}

/**
 * How the card names each replica (process) of a local task, by its id: its host name, with its pid where another
 * listed replica has the same host ("vm-1 (pid 4101)"), and its id where the pid does not tell them apart either
 * (containers sharing their host's name, each pid 1).
 */
export function replicaNames(
  replicas: BackgroundTaskReplicaStatus[],
): Map<string, string> {
  const count = (key: (r: BackgroundTaskReplicaStatus) => string) => {
    const counts = new Map<string, number>();
    for (const r of replicas) counts.set(key(r), (counts.get(key(r)) ?? 0) + 1);
    return (r: BackgroundTaskReplicaStatus) => counts.get(key(r)) ?? 0;
  };
  const sameHost = count(r => r.runner);
  const sameHostAndPid = count(r => `${r.runner} pid ${r.pid ?? '?'}`);
  const names = new Map<string, string>();
  for (const r of replicas) {
    let name = r.runner;
    if (sameHost(r) > 1) {
      if (r.pid !== undefined && sameHostAndPid(r) === 1) {
        name = `${r.runner} (pid ${r.pid})`;
      } else name = r.replica;
    }
    names.set(r.replica, name);
  }
  return names;
}

/**
 * Who ran a task's last run, as the card names it: for a local task whose replicas are listed, the name of the
 * replica whose run it is (with its pid where two replicas share a host, see {@link replicaNames}); else the host.
 */
export function lastRunnerName(task: BackgroundTaskStatus): string | undefined {
  const run = task.lastRun;
  if (!run?.runner) return undefined;
  const replica = task.replicas?.find(
    r => r.runner === run.runner && r.lastRun?.startedAt === run.startedAt,
  );
  return replica
    ? replicaNames(task.replicas!).get(replica.replica) ?? run.runner
    : run.runner;
}
