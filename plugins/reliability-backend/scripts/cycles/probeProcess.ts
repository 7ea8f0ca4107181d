/*
 * The probe of benchmark-cycles.ts in a process of its own (BENCH_PROBE_PROCESS=1, and always with
 * BENCH_WEB_REPLICA=1): the web requests are timed by a client whose event loop the cycles' garbage collections do
 * not hold, as a browser's is not. Started by remoteProbe.ts over an IPC channel: `start`, then `stop`, which
 * answers with the latencies.
 */
import { benchmarkAuthHeader } from '../shared/benchmarkAuth';
import { RequestProbe } from './probe';

const url = process.env.BENCH_PROBE_URL;
if (!url || !process.send) {
  throw new Error('probeProcess.ts is started by remoteProbe.ts');
}
const send = process.send.bind(process);
const probe = new RequestProbe(url, benchmarkAuthHeader);

// Messages are `{ probe: ... }`: the channel also carries the CLI's own messages.
process.on('message', (message: { probe?: 'start' | 'stop' }) => {
  if (message?.probe === 'start') {
    probe.start();
    send({ probe: { type: 'started' } });
  } else if (message?.probe === 'stop') {
    probe.stop().then(
      samples => send({ probe: { type: 'samples', samples } }),
      error => send({ probe: { type: 'failed', error: String(error) } }),
    );
  }
});
process.on('disconnect', () => process.exit(0));
