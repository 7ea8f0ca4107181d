import { Session } from 'node:inspector/promises';
import { writeFile } from 'node:fs/promises';

/**
 * BENCH_CPU_PROFILE=<dir>: a V8 CPU profile of the whole process during one cycle run, written to
 * `<dir>/<name>.cpuprofile` (open it in Chrome DevTools' Performance panel or VS Code). Returns the function that
 * stops the profile and writes the file.
 */
export async function startCpuProfile(
  directory: string,
  name: string,
): Promise<() => Promise<string>> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 500 });
  await session.post('Profiler.start');
  return async () => {
    const { profile } = await session.post('Profiler.stop');
    session.disconnect();
    const file = `${directory}/${name}.cpuprofile`;
    await writeFile(file, JSON.stringify(profile));
    return file;
  };
}
