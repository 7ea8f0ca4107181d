import { InputError } from '@backstage/errors';

const DAY_MS = 24 * 60 * 60 * 1000;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** An ISO date (valid through that day, UTC) or date-time as the instant it ends. */
export function endOf(value: string): Date {
  return DATE_ONLY.test(value)
    ? new Date(Date.parse(`${value}T00:00:00Z`) + DAY_MS)
    : new Date(value);
}

/**
 * The expiry of a requested exemption: after `now` and at most `maxDurationMs` ahead. A date on the limit's own
 * day is accepted and ends at the limit; anything later is a 400 naming the limit.
 */
export function requestedExpiry(
  value: string,
  now: Date,
  maxDurationMs: number,
): Date {
  const limit = new Date(now.getTime() + maxDurationMs);
  const expiry = endOf(value);
  if (expiry.getTime() <= now.getTime()) {
    throw new InputError('Invalid exemption: expiresAt is in the past');
  }
  const beyond = DATE_ONLY.test(value)
    ? value > limit.toISOString().slice(0, 10)
    : expiry.getTime() > limit.getTime();
  if (beyond) {
    throw new InputError(
      `Invalid exemption: expiresAt may be at most ${Math.round(
        maxDurationMs / DAY_MS,
      )} days ahead (reliability.checklist.exemptions.maxDuration), that is until ${limit.toISOString()}`,
    );
  }
  return new Date(Math.min(expiry.getTime(), limit.getTime()));
}
