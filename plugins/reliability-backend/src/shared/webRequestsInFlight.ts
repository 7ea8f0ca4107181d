import { subscribe } from 'node:diagnostics_channel';
import { performance } from 'node:perf_hooks';

/** Requests the process's HTTP server is answering, with when each started (`performance.now()`). */
const inFlight = new Map<object, number>();
let listening = false;

/** Follows the HTTP server's requests through Node's diagnostics channels (every server of the process). */
function listen() {
  if (listening) return;
  listening = true;
  subscribe('http.server.request.start', message => {
    inFlight.set((message as { request: object }).request, performance.now());
  });
  subscribe('http.server.response.finish', message => {
    inFlight.delete((message as { request: object }).request);
  });
}

/**
 * Whether the process is answering a web request that started less than `longRequestMs` ago. Older ones are
 * long-lived (event streams, long polls) or abandoned, and are forgotten. The first call starts listening.
 */
export function answeringWebRequest(longRequestMs: number): boolean {
  listen();
  const now = performance.now();
  let answering = false;
  for (const [request, start] of inFlight) {
    if (now - start > longRequestMs) inFlight.delete(request);
    else answering = true;
  }
  return answering;
}
