import { humanizeEntityRef } from '@backstage/plugin-catalog-react';
import { parseEntityRef } from '@backstage/catalog-model';

/** A ratio as a whole percentage; "—" for null and anything not finite. */
export function formatPercent(ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) {
    return '—';
  }
  return `${Math.round(ratio * 100)}%`;
}

/** A score 0..100 with no decimals; "—" when missing. */
export function formatScore(score: number | null | undefined): string {
  if (score === null || score === undefined || !Number.isFinite(score)) {
    return '—';
  }
  return String(Math.round(score));
}

/** A short local date-time ("—" for null or an unparsable value). */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) {
    return '—';
  }
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return '—';
  }
  return date.toLocaleString(undefined, {
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** A readable name for an entity ref (`payments` for `group:default/payments`); "—" for null. */
export function formatRef(
  entityRef: string | null | undefined,
  defaultKind?: string,
): string {
  if (!entityRef) {
    return '—';
  }
  try {
    return humanizeEntityRef(parseEntityRef(entityRef), { defaultKind });
  } catch {
    return entityRef;
  }
}

/** A count and its noun, plural unless the count is one: `1 service`, `3 services`. */
export function formatCount(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
