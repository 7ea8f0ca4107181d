/*
 * Starts the demo backend (packages/backend, SQLite in a temporary directory, the demo catalog) once, without
 * the dev server's file watcher, so edits elsewhere in the tree do not restart it mid-run. The backend's
 * app-backend plugin serves the production build in packages/app/dist on the same port.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type DemoServer = {
  baseUrl: string;
  logFile: string;
  stop(): Promise<void>;
};

function portIsFree(port: number): Promise<boolean> {
  return new Promise(resolve => {
    const probe = createServer()
      .once('error', () => resolve(false))
      .once('listening', () => probe.close(() => resolve(true)))
      .listen(port);
  });
}

/** The first free port of `candidates`; the run fails rather than share a port with another process. */
export async function choosePort(candidates: number[]): Promise<number> {
  for (const port of candidates) {
    if (await portIsFree(port)) {
      return port;
    }
  }
  throw new Error(`No free port among ${candidates.join(', ')}`);
}

async function waitForHealth(url: string, child: ChildProcess, ms: number) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`The backend exited with code ${child.exitCode}`);
    }
    try {
      const response = await fetch(url);
      if (response.ok) {
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise(r => setTimeout(r, 1000));
  }
  throw new Error(`${url} did not answer within ${ms / 1000} s`);
}

export async function startDemoServer(options: {
  root: string;
  port: number;
}): Promise<DemoServer> {
  const { root, port } = options;
  const dir = mkdtempSync(join(tmpdir(), 'bench-frontend-'));
  const baseUrl = `http://localhost:${port}`;
  const configFile = join(dir, 'app-config.bench.yaml');
  writeFileSync(
    configFile,
    [
      'app:',
      `  baseUrl: ${baseUrl}`,
      'backend:',
      `  baseUrl: ${baseUrl}`,
      '  listen:',
      `    port: ${port}`,
      '  cors:',
      `    origin: ${baseUrl}`,
      '  database:',
      '    client: better-sqlite3',
      '    connection:',
      `      directory: ${join(dir, 'sqlite')}`,
      '',
    ].join('\n'),
  );
  const logFile = join(dir, 'backend.log');
  const log = openSync(logFile, 'a');
  const child = spawn(
    'nice',
    [
      '-n',
      '10',
      process.execPath,
      '--enable-source-maps',
      '--require',
      require.resolve('@backstage/cli/config/nodeTransform.cjs'),
      'src/index.ts',
      '--config',
      join(root, 'app-config.yaml'),
      '--config',
      configFile,
    ],
    {
      cwd: join(root, 'packages/backend'),
      env: { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'warn' },
      stdio: ['ignore', log, log],
      detached: true,
    },
  );
  const stop = () => {
    if (child.pid && child.exitCode === null) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
  };
  process.once('exit', stop);
  try {
    await waitForHealth(`${baseUrl}/api/reliability/health`, child, 300_000);
  } catch (error) {
    stop();
    throw new Error(`${error} (backend log: ${logFile})`);
  }
  return {
    baseUrl,
    logFile,
    stop: async () => {
      const exited = new Promise(r => child.once('exit', r));
      stop();
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          // already gone
        }
      }, 15_000);
      if (child.exitCode === null) {
        await exited;
      }
      clearTimeout(timer);
      rmSync(join(dir, 'sqlite'), { recursive: true, force: true });
    },
  };
}
