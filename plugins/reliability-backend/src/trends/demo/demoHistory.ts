import {
  Checklist,
  NO_LEVEL,
} from '@internal/backstage-plugin-reliability-common';
import { addDays } from '../days';
import {
  DaySnapshot,
  MaturitySnapshotRow,
  SloSnapshotRow,
} from '../store/TrendsStore';

/** Days of synthetic history the demo writes before today (about six months). */
export const DEMO_HISTORY_DAYS = 180;

/** A small deterministic hash of a key (so every run of the demo draws the same history). */
function hash(key: string): number {
  let h = 2166136261;
  for (let i = 0; i < key.length; i++) {
    h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  }
  return h >>> 0;
}

const clamp = (n: number, min: number, max: number) =>
  Math.min(max, Math.max(min, n));
const round1 = (n: number) => Math.round(n * 10) / 10;

/** Gain over the history: most scopes improved (by 5 to 34 points), one in five slipped a little. */
function gainOf(h: number): number {
  return h % 5 === 0 ? -((h >> 3) % 8) : 5 + ((h >> 3) % 30);
}

function levelBelow(level: string, checklist: Pick<Checklist, 'levels'>) {
  const index = checklist.levels.findIndex(l => l.id === level);
  if (index <= 0) return NO_LEVEL;
  return checklist.levels[index - 1].id;
}

function maturityOn(
  row: MaturitySnapshotRow,
  daysAgo: number,
  days: number,
  checklist: Pick<Checklist, 'levels'>,
): MaturitySnapshotRow | undefined {
  if (row.score === null) return undefined;
  const h = hash(`${row.scope}:${row.scopeRef}`);
  const gain = gainOf(h);
  const wobble = Math.sin(daysAgo / 6 + (h % 13)) * 1.5;
  const score = round1(
    clamp(row.score - (gain * daysAgo) / days + wobble, 0, 100),
  );
  // Improving scopes reached their level part-way through the history.
  const reachedDaysAgo = Math.round(days * (0.25 + (h % 50) / 100));
  const level =
    gain > 0 && daysAgo > reachedDaysAgo
      ? levelBelow(row.level, checklist)
      : row.level;
  return { ...row, score, level };
}

function sloOn(
  row: SloSnapshotRow,
  daysAgo: number,
  days: number,
): SloSnapshotRow | undefined {
  if (row.measuredCount === 0) return undefined;
  const h = hash(`${row.teamRef}:${row.window}`);
  const share = row.metCount / row.measuredCount;
  const drift = ((h % 40) / 100) * (daysAgo / days);
  const wobble = Math.sin(daysAgo / 9 + (h % 7)) * 0.08;
  const past = clamp(share - drift + wobble, 0, 1);
  return { ...row, metCount: Math.round(past * row.measuredCount) };
}

/**
 * DEMO ONLY: synthetic daily snapshots for the `days` days before `today`, ending near today's measured values:
 * most scopes improve towards today's score (reaching today's level part-way), a few slip a little, and SLO
 * attainment drifts towards today's share. Deterministic per scope, so every run writes the same history.
 */
export function demoHistory(
  today: string,
  measured: DaySnapshot,
  checklist: Pick<Checklist, 'levels'>,
  days: number = DEMO_HISTORY_DAYS,
): Array<{ day: string } & DaySnapshot> {
  const history: Array<{ day: string } & DaySnapshot> = [];
  for (let daysAgo = days; daysAgo >= 1; daysAgo--) {
    history.push({
      day: addDays(today, -daysAgo),
      maturity: measured.maturity.flatMap(
        row => maturityOn(row, daysAgo, days, checklist) ?? [],
      ),
      slo: measured.slo.flatMap(row => sloOn(row, daysAgo, days) ?? []),
    });
  }
  return history;
}
