import { ProviderResponseError } from './errors';

/**
 * What `parseProviderResponse` needs of a schema: a zod schema satisfies it.
 *
 * @public
 */
export interface ProviderResponseSchema<T> {
  safeParse(body: unknown):
    | { success: true; data: T }
    | {
        success: false;
        error: {
          issues: ReadonlyArray<{
            path: ReadonlyArray<PropertyKey>;
            message: string;
          }>;
        };
      };
}

/**
 * Validates a provider's response body; throws a ProviderResponseError naming the provider, what was read
 * and the first problems found.
 *
 * @public
 */
export function parseProviderResponse<T>(
  provider: string,
  schema: ProviderResponseSchema<T>,
  body: unknown,
  what: string,
): T {
  const result = schema.safeParse(body);
  if (!result.success) {
    const problems = result.error.issues
      .slice(0, 3)
      .map(issue => `${issue.path.map(String).join('.')}: ${issue.message}`)
      .join('; ');
    throw new ProviderResponseError(
      provider,
      `${provider} ${what} has an unexpected format: ${problems}`,
    );
  }
  return result.data;
}
