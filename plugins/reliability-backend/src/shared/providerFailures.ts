import { LoggerService } from '@backstage/backend-plugin-api';
import { ProviderNotConfiguredError } from '@internal/backstage-plugin-reliability-node';

/**
 * True for the error of a provider whose module is installed but not configured (`ProviderNotConfiguredError`
 * from `-node`), also when it was thrown by another copy of `-node` (compared by name).
 */
export function isProviderNotConfigured(
  error: unknown,
): error is ProviderNotConfiguredError {
  return (
    error instanceof ProviderNotConfiguredError ||
    (error instanceof Error && error.name === 'ProviderNotConfiguredError')
  );
}

/**
 * Logs the failures of provider calls made by an area's refresh. A provider that is not configured fails the
 * same way for every entity on every refresh: that is logged once per provider (for the life of the process),
 * and the entity shows the error's own "<provider> provider not configured: set ..." message. Any other
 * failure is logged every time.
 */
export class ProviderFailureLog {
  private readonly notConfigured = new Set<string>();

  constructor(private readonly logger: LoggerService) {}

  /** Logs `message` for a failure, or the not-configured error once per provider (its message names it). */
  warn(error: unknown, message: string): void {
    if (!isProviderNotConfigured(error)) {
      this.logger.warn(message);
      return;
    }
    if (this.notConfigured.has(error.message)) return;
    this.notConfigured.add(error.message);
    this.logger.warn(
      `${error.message} (entities using it show "provider not configured"; logged once)`,
    );
  }
}
