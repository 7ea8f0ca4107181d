import { OnCallShift } from '@internal/backstage-plugin-reliability-common';

/**
 * Orders shifts by the instant they start, then by escalation level. Providers give ISO timestamps with
 * different offsets (`2026-11-21T09:00:00+09:00` is before `2026-11-21T01:00:00Z`), so comparing the
 * strings would misorder them.
 */
export function compareShiftStart(a: OnCallShift, b: OnCallShift): number {
  return (
    Date.parse(a.start) - Date.parse(b.start) ||
    a.escalationLevel - b.escalationLevel
  );
}
