import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

/**
 * The backend process that records its copies of local tasks: `id` keys its rows (unique per process start),
 * `host` and `pid` say which process it is.
 */
export interface ReplicaProcess {
  /** `<host>:<pid>:<random>`: two processes on one host, or a restarted one, never share it. */
  id: string;
  /** The host name (what the card shows). */
  host: string;
  pid: number;
}

/** Longest host name kept in an id (a host name has at most 253 characters; the key column 256). */
const MAX_HOST_IN_ID = 200;

/**
 * A replica process named by its host and pid, with a random part: containers that share their host's network
 * share its name and may each be pid 1.
 */
export function replicaProcess(host: string, pid: number): ReplicaProcess {
  const random = randomBytes(4).toString('hex');
  return { id: `${host.slice(0, MAX_HOST_IN_ID)}:${pid}:${random}`, host, pid };
}

let current: ReplicaProcess | undefined;

/** This process (the same for every caller until it exits). */
export function thisReplicaProcess(): ReplicaProcess {
  current ??= replicaProcess(hostname() || 'unknown-host', process.pid);
  return current;
}
