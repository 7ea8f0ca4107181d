import {
  PolicyDecision,
  PolicySource,
} from '@internal/backstage-plugin-reliability-common';

/** What a decision means for a deploy, in words. */
export const DECISION_LABEL: Record<PolicyDecision, string> = {
  allow: 'Deploys allowed',
  warn: 'Deploy with care',
  deny: 'Deploys blocked',
};

/** Where the entity's policy comes from, in words. */
export const POLICY_SOURCE_LABEL: Record<PolicySource, string> = {
  annotation: 'named by the entity',
  tier: 'of its tier',
  default: 'default',
  slo: 'named by the SLO file',
};

/** A date-time in the viewer's time zone: "Nov 21, 09:00". */
export function formatWhen(iso: string | null | undefined): string {
  const time = iso ? Date.parse(iso) : NaN;
  if (!Number.isFinite(time)) return '—';
  return new Intl.DateTimeFormat('en', {
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(time));
}

const UNITS: Array<[string, number]> = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** How long a state has held: "for 3 days", "for 5 hours", "just now". */
export function formatHeldFor(
  since: string | null | undefined,
  now: Date,
): string {
  const time = since ? Date.parse(since) : NaN;
  if (!Number.isFinite(time)) return '';
  const elapsed = Math.max(0, now.getTime() - time);
  for (const [unit, ms] of UNITS) {
    const count = Math.floor(elapsed / ms);
    if (count >= 1) return `for ${count} ${unit}${count === 1 ? '' : 's'}`;
  }
  return 'just now';
}
