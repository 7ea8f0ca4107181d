/* The parent side of probeProcess.ts: a probe in a child process, driven like RequestProbe. */
import { ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';

type Reply =
  | { type: 'started' }
  | { type: 'samples'; samples: number[] }
  | { type: 'failed'; error: string };

export class RemoteProbe {
  private readonly child: ChildProcess;

  constructor(url: string, token: string) {
    this.child = fork(join(__dirname, 'probeProcess.ts'), [], {
      execArgv: ['--require', '@backstage/cli/config/nodeTransform.cjs'],
      env: { ...process.env, BENCH_PROBE_URL: url, BENCH_PROBE_TOKEN: token },
    });
  }

  private ask(type: 'start' | 'stop'): Promise<Reply> {
    return new Promise((resolve, reject) => {
      const onExit = (code: number | null) =>
        reject(new Error(`probe process exited (${code})`));
      this.child.once('exit', onExit);
      this.child.once('message', (reply: Reply) => {
        this.child.off('exit', onExit);
        if (reply.type === 'failed') reject(new Error(reply.error));
        else resolve(reply);
      });
      this.child.send({ type });
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
