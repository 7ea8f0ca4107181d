import { EventCounts } from '@internal/backstage-plugin-reliability-common';

/**
 * What `formatAttainment` should read for a status or objective: its counts when the API has them (exact
 * digits, rounded down), else its attainment ratio.
 */
export function attainmentSource(value: {
  good: number | null;
  total: number | null;
  attainment: number | null;
}): EventCounts | number | null {
  return value.good !== null && value.total !== null && value.total > 0
    ? { good: value.good, total: value.total }
    : value.attainment;
}
