import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATIONS,
  fixedDurationSeconds,
  parseDuration,
} from '@internal/backstage-plugin-reliability-common';

/** The bounds of a team's own target, the same as those of `reliability.incidents.acknowledgeTarget`. */
const MIN_SECONDS = 60;
const MAX_SECONDS = 24 * 3600;

/** The time to acknowledge an entity is judged against, and where it comes from. */
export interface AcknowledgeTarget {
  seconds: number;
  /** The owning Group whose annotation set it; null when the organisation's default applies. */
  setBy: string | null;
  /** Why the owning Group's own target was not used; null when there is nothing to say. */
  problem: string | null;
}

/**
 * The acknowledge target of an entity from its owning Group's `reliability.sre-portal.dev/acknowledge-target`
 * annotation (a duration like `10m`, 1 minute to 1 day), else `defaultSeconds` (the config). An invalid value
 * falls back to the default and says so in `problem`, which the checklist item shows as evidence.
 */
export function acknowledgeTargetOf(
  owner: { ref: string; entity: Entity | undefined } | undefined,
  defaultSeconds: number,
): AcknowledgeTarget {
  const fallback = { seconds: defaultSeconds, setBy: null, problem: null };
  const raw =
    owner?.entity?.metadata.annotations?.[ANNOTATIONS.acknowledgeTarget];
  if (!owner || raw === undefined) return fallback;
  const parsed = parseDuration(raw);
  const seconds = parsed && fixedDurationSeconds(parsed);
  if (seconds === undefined || seconds < MIN_SECONDS || seconds > MAX_SECONDS) {
    const shown = raw.length > 40 ? `${raw.slice(0, 40)}…` : raw;
    return {
      ...fallback,
      problem: `${owner.ref} sets ${ANNOTATIONS.acknowledgeTarget} to '${shown}', not a duration like 10m between 1 minute and 1 day, so the organisation's default applies`,
    };
  }
  return { seconds, setBy: owner.ref, problem: null };
}
