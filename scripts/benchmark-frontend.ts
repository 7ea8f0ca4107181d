/*
 * Benchmark (not a test) of the reliability plugin's frontend.
 *
 * Run from the repo root: `yarn bench:frontend`
 *   - builds packages/app for production (niced; `--reuse-dist` analyses the existing packages/app/dist instead,
 *     `--dist <dir>` any other copy of a build), then attributes every emitted chunk to its sources through the
 *     source maps and prints the plugin's lazy chunks (gzip -9), its share of the initial bundle and the plugin
 *     modules copied into several chunks;
 *   - `--browser` then also times, in Debian Chromium, navigation to the SLO card's figures on an entity's
 *     Reliability tab against the catalog's own Overview tab of the same entity (see frontend-bench/browserTiming.ts).
 */
import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { analyseDist, lazyBoundaries } from './frontend-bench/chunkSizes';
import { printChunks } from './frontend-bench/printChunks';
import { runBrowserTiming } from './frontend-bench/browserTiming';

const ROOT = resolve(__dirname, '..');
const APP = join(ROOT, 'packages/app');
const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

function machine() {
  return `${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, load ${loadavg()
    .map(l => l.toFixed(2))
    .join(' ')}, ${new Date().toISOString()}`;
}

async function main() {
  console.log(`Machine: ${machine()}`);
  const distDir = option('--dist') ?? join(APP, 'dist');
  if (!flag('--reuse-dist') && !option('--dist')) {
    const started = Date.now();
    execFileSync(
      'nice',
      [
        '-n',
        '10',
        process.execPath,
        join(ROOT, '.yarn/releases/yarn-4.13.0.cjs'),
        'backstage-cli',
        'package',
        'build',
      ],
      { cwd: APP, stdio: ['ignore', 'ignore', 'inherit'] },
    );
    console.log(
      `Built packages/app in ${Math.round(
        (Date.now() - started) / 1000,
      )} s (nice -n 10).`,
    );
  }
  const reports = analyseDist(distDir);
  printChunks(reports, lazyBoundaries(distDir, reports));

  if (flag('--browser')) {
    await runBrowserTiming({ root: ROOT, distDir });
  }
  console.log(`Done: ${machine()}`);
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
