/*
 * The probe of benchmark-cycles.ts in a process of its own (BENCH_PROBE_PROCESS=1, and always with
 * BENCH_WEB_REPLICA=1): the web requests are timed by a client whose event loop the cycles' garbage collections do
 * not hold, as a browser's is not. Started by remoteProbe.ts over an IPC channel: `start`, then `stop`, which
 * answers with the latencies.
 */
import { RequestProbe } from './probe';

const url = process.env.BENCH_PROBE_URL;
const token = process.env.BENCH_PROBE_TOKEN;
if (!url || !token || !process.send) {
  throw new Error('probeProcess.ts is started by remoteProbe.ts');
}
const send = process.send.bind(process);
const probe = new RequestProbe(url, { Authorization: `Bearer ${token}` });

process.on('message', (message: { type: 'start' | 'stop' }) => {
  if (message.type === 'start') {
    probe.start();
    send({ type: 'started' });
  } else {
    probe.stop().then(
      samples => send({ type: 'samples', samples }),
      error => send({ type: 'failed', error: String(error) }),
    );
  }
});
process.on('disconnect', () => process.exit(0));
