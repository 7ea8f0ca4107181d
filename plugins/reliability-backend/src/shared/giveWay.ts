import { performance } from 'node:perf_hooks';
import { answeringWebRequest } from './webRequestsInFlight';

/** A turn of the event loop longer than this ran other work (a bare turn takes microseconds). */
const OTHER_WORK_MS = 1;
/** How long a wait lasts before the loop is looked at again. */
const WAIT_STEP_MS = 4;
/** The event loop counts as free again below this utilisation over a wait step. */
const FREE_UTILIZATION = 0.25;

/** Options of {@link giveWay}. */
export interface GiveWayOptions {
  /** Longest wait for other work to finish, so a busy process still moves its background work on. */
  maxWaitMs?: number;
  /** Web requests older than this are long-lived (event streams, long polls) and not waited for. */
  longRequestMs?: number;
}

const sleep = (ms: number) =>
  new Promise<void>(resolve => setTimeout(resolve, ms));

/**
 * One bare turn of the event loop, for work that serves a web request itself (a route's long read): there
 * {@link giveWay} would wait for the very request it serves.
 */
export function nextTurn(): Promise<void> {
  return new Promise<void>(resolve => setImmediate(resolve));
}

/**
 * Lets the process's other work go first, between two units of a background job (one page of reads, a few
 * evaluations). With SQLite (better-sqlite3) every query runs on the event loop, and even on PostgreSQL the
 * evaluations do, while the job's PostgreSQL queries compete with the web requests' for the same cores: a job
 * that only yielded a turn (`setImmediate`) would share the machine half and half with a web request and double
 * its time. So: one turn, and if that turn ran other work or the process is answering a web request (followed
 * through Node's HTTP diagnostics channels), wait until the loop is free and no request is being answered, up
 * to `maxWaitMs`. An idle process costs one turn.
 *
 * Call it from one sequential loop of a job: units of the same job running concurrently would see each other
 * as other work and wait for each other.
 */
export async function giveWay(options: GiveWayOptions = {}): Promise<void> {
  const { maxWaitMs = 100, longRequestMs = 2000 } = options;
  const start = performance.now();
  await nextTurn();
  if (
    performance.now() - start < OTHER_WORK_MS &&
    !answeringWebRequest(longRequestMs)
  ) {
    return;
  }
  const deadline = performance.now() + maxWaitMs;
  while (performance.now() < deadline) {
    const before = performance.eventLoopUtilization();
    await sleep(WAIT_STEP_MS);
    const { utilization } = performance.eventLoopUtilization(before);
    if (utilization < FREE_UTILIZATION && !answeringWebRequest(longRequestMs)) {
      return;
    }
  }
}

/**
 * Maps items `size` at a time (the group's calls run concurrently), giving way to the process's other work
 * before each group: the sequential loop {@link giveWay} asks for, for work whose items may wait on I/O.
 */
export async function inGroups<T, R>(
  items: readonly T[],
  size: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += size) {
    await giveWay();
    results.push(
      ...(await Promise.all(items.slice(start, start + size).map(fn))),
    );
  }
  return results;
}
