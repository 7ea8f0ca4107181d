/* Starts webReplica.ts in a process of its own and waits until it answers (see BENCH_WEB_REPLICA). */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const READY_TIMEOUT_MS = 180_000;

export async function startWebReplica(options: {
  port: number;
  pgUrl: string;
  pgPrefix: string;
  scheduleFile: string;
}): Promise<{ stop(): Promise<void> }> {
  const child = spawn(
    process.execPath,
    [
      '--require',
      '@backstage/cli/config/nodeTransform.cjs',
      join(__dirname, 'webReplica.ts'),
    ],
    {
      env: {
        ...process.env,
        BENCH_WEB_PORT: String(options.port),
        BENCH_PG_URL: options.pgUrl,
        BENCH_PG_PREFIX: options.pgPrefix,
        BENCH_SCHEDULE_FILE: options.scheduleFile,
      },
      stdio: 'inherit',
    },
  );
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', code =>
      reject(new Error(`the web replica exited (${code})`)),
    ),
  );
  exited.catch(() => undefined);
  const deadline = Date.now() + READY_TIMEOUT_MS;
  const health = `http://127.0.0.1:${options.port}/api/reliability/health`;
  for (;;) {
    const ok = await Promise.race([
      fetch(health).then(
        r => r.ok,
        () => false,
      ),
      exited,
    ]);
    if (ok) break;
    if (Date.now() > deadline) {
      child.kill();
      throw new Error('the web replica did not answer in time');
    }
    await new Promise(r => setTimeout(r, 500));
  }
  return {
    stop: async () => {
      if (child.exitCode !== null) return;
      const gone = new Promise(r => child.once('exit', r));
      child.kill('SIGTERM');
      await gone;
    },
  };
}
