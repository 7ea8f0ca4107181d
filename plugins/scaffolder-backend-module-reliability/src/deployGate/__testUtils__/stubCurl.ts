import { MockDirectory } from '@backstage/backend-test-utils';
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

/** bash by its full path, so a script can run with a PATH that lacks it. */
export const BASH = execFileSync('bash', ['-c', 'command -v bash'])
  .toString()
  .trim();

/** What the stub `curl` answers. */
export interface StubCurlAnswer {
  /** The response body: written to the `--output` file when one is given, else printed. */
  body: string;
  /** Printed (as `--write-out '%{http_code}'` would) when an `--output` file is given; default 200, 000 on failure. */
  status?: number;
  /** curl's exit status (e.g. 7: could not connect); default 0. */
  exitCode?: number;
}

/**
 * Replaces the content of `dir` with `bin/curl`, a stub that records its arguments (one a line) and answers
 * `answer` without a network. Returns the `bin` folder, to put first on PATH.
 */
export async function installStubCurl(
  dir: MockDirectory,
  answer: StubCurlAnswer,
): Promise<string> {
  const exitCode = answer.exitCode ?? 0;
  const status = answer.status ?? (exitCode === 0 ? 200 : 0);
  dir.setContent({
    'curl-body': answer.body,
    'bin/curl': `#!/bin/bash
printf '%s\\n' "$@" > '${dir.path}/curl-args'
output=''
while [ $# -gt 0 ]; do
  if [ "$1" = --output ]; then output="$2"; fi
  shift
done
if [ -n "$output" ]; then
  cat '${dir.path}/curl-body' > "$output"
  printf '%03d' ${status}
else
  cat '${dir.path}/curl-body'
fi
exit ${exitCode}
`,
  });
  const bin = path.join(dir.path, 'bin');
  await fs.chmod(path.join(bin, 'curl'), 0o755);
  return bin;
}

/** The arguments of the stub `curl`'s last call, one a line ('' when it was not called). */
export async function stubCurlArgs(dir: MockDirectory): Promise<string> {
  return fs.readFile(path.join(dir.path, 'curl-args'), 'utf8').catch(() => '');
}

/** Runs bash with `args` in exactly `env` (nothing inherited); a non-zero exit is a result, not an error. */
export async function runBash(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return promisify(execFile)(BASH, args, { env }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({
      code: error.code,
      stdout: error.stdout,
      stderr: error.stderr,
    }),
  );
}
