/* The parent side of probeProcess.ts: a probe in a child process, driven like RequestProbe. */
import { ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';

type Reply =
  | { type: 'started' }
  | { type: 'samples'; samples: number[] }
  | { type: 'failed'; error: string };

export class RemoteProbe {
  private readonly child: ChildProcess;

  constructor(url: string) {
    this.child = fork(join(__dirname, 'probeProcess.ts'), [], {
      execArgv: ['--require', '@backstage/cli/config/nodeTransform.cjs'],
      env: { ...process.env, BENCH_PROBE_URL: url },
    });
  }

  /** Sends `type` and waits for the probe's answer (other messages on the channel, such as the CLI's, are ignored). */
  private ask(type: 'start' | 'stop'): Promise<Reply> {
    return new Promise((resolve, reject) => {
      const { child } = this;
      const listeners = {
        exit: (code: number | null) => {
          child.off('message', listeners.message);
          reject(new Error(`probe process exited (${code})`));
        },
        message: (message: { probe?: Reply }) => {
          const reply = message?.probe;
          if (!reply) return;
          child.off('exit', listeners.exit);
          child.off('message', listeners.message);
          if (reply.type === 'failed') reject(new Error(reply.error));
          else resolve(reply);
        },
      };
      child.once('exit', listeners.exit);
      child.on('message', listeners.message);
      this.child.send({ probe: type });
    });
  }

  async start(): Promise<void> {
    await this.ask('start');
  }

  /** Stops after the request in flight and returns the latencies (ms). */
  async stop(): Promise<number[]> {
    const reply = await this.ask('stop');
    return reply.type === 'samples' ? reply.samples : [];
  }

  close(): void {
    this.child.disconnect();
  }
}
