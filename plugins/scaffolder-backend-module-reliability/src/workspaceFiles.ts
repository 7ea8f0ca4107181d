import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import fs from 'node:fs/promises';
import path from 'node:path';

/** The absolute path of `relativePath` inside the workspace; a path leaving the workspace is refused. */
export function workspaceFile(
  workspacePath: string,
  relativePath: string,
): string {
  return resolveSafeChildPath(workspacePath, relativePath);
}

/**
 * Writes a new text file inside the workspace (creating its directories). An existing file is kept and the
 * step fails with a ConflictError, unless `overwrite` is set: a template never silently replaces a team's file.
 */
export async function writeWorkspaceFile(options: {
  workspacePath: string;
  relativePath: string;
  content: string;
  overwrite?: boolean;
}): Promise<string> {
  const target = workspaceFile(options.workspacePath, options.relativePath);
  await fs.mkdir(path.dirname(target), { recursive: true });
  try {
    await fs.writeFile(target, options.content, {
      encoding: 'utf8',
      flag: options.overwrite ? 'w' : 'wx',
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new ConflictError(
        `${options.relativePath} already exists in the workspace; set overwrite: true to replace it`,
      );
    }
    throw error;
  }
  return target;
}
