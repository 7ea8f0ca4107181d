import { ActionsRegistryActionOptions } from '@backstage/backend-plugin-api/alpha';
import { AnyZodObject } from 'zod/v3';

/**
 * Types an action for the actions registry, so `input` in its handler is inferred from its input schema. The
 * registry hands schemas the zod v3 API (`zod/v3`), validates input before the handler runs and strips
 * anything the output schema does not name.
 */
export function defineAction<
  TInput extends AnyZodObject,
  TOutput extends AnyZodObject,
>(
  options: ActionsRegistryActionOptions<TInput, TOutput>,
): ActionsRegistryActionOptions<TInput, TOutput> {
  return options;
}

/** Attributes of an action that only reads. */
export const READ_ONLY = {
  readOnly: true,
  destructive: false,
  idempotent: true,
} as const;
