import { z } from 'zod';
import { SloDefinitionError } from '../types';

/** Thrown inside the normalisation of one SLO; becomes one SloDefinitionError naming that SLO. */
export class DefinitionError extends Error {
  constructor(readonly path: string, message: string) {
    super(message);
  }
}

/** Stops the normalisation of the current SLO with an error at `path`. */
export function fail(path: string, message: string): never {
  throw new DefinitionError(path, message);
}

/** A SloDefinitionError with the position of its document, so errors can be listed in file order. */
export type PositionedError = SloDefinitionError & { position: number };

function joinPath(prefix: string, path: ReadonlyArray<PropertyKey>): string {
  return [prefix, ...path.map(String)].filter(Boolean).join('.');
}

/** zod issues of one part (`metadata`, `spec`) of a document as SloDefinitionErrors. */
export function zodErrors(
  document: string,
  position: number,
  prefix: string,
  error: z.ZodError,
): PositionedError[] {
  return error.issues.map(issue => ({
    position,
    document,
    path: joinPath(prefix, issue.path),
    message: issue.message,
  }));
}
