/**
 * Lets pending I/O (e.g. incoming web requests) run before a background job continues. With SQLite
 * (better-sqlite3) every query runs synchronously on the event loop, and promise continuations alone never let
 * I/O in between, so a job that runs query after query holds the web requests off until it ends.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise(resolve => setImmediate(resolve));
}
