/**
 * Runs `load` and returns its result, or `null` plus a problem line when it fails, so one unavailable part
 * (a provider down) does not hide the others.
 */
export async function settle<T>(
  part: string,
  problems: string[],
  load: () => Promise<T>,
): Promise<T | null> {
  try {
    return await load();
  } catch (error) {
    problems.push(
      `${part}: ${error instanceof Error ? error.message : String(error)}`,
    );
    return null;
  }
}
