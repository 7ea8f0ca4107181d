import { InputError } from '@backstage/errors';
import { z } from 'zod';

/**
 * Validates untrusted input against a zod schema; a failure becomes an InputError (HTTP 400)
 * whose message names every offending field.
 */
export function parseInput<T extends z.ZodType>(
  schema: T,
  input: unknown,
  what: string,
): z.infer<T> {
  const result = schema.safeParse(input);
  if (!result.success) {
    const details = result.error.issues
      .map(issue => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
      .join('; ');
    throw new InputError(`Invalid ${what}: ${details}`);
  }
  return result.data;
}
