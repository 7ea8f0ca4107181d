/**
 * Deterministic synthetic SLI traffic for the demo: the same SLI and interval always yield the same counts.
 * Profiles are burn rates relative to the SLO's target, so they behave the same for any target.
 */

import { seededRandom } from '../../shared/seededRandom';

/** How a demo SLI behaves: `healthy` stays well within budget; `burning` has spent most of its budget over the
 * last week (slow burn: ticket); `paging` has a fast-burn incident going on (page). */
export type DemoProfile = 'healthy' | 'burning' | 'paging';

export const DEMO_PROFILES: DemoProfile[] = ['healthy', 'burning', 'paging'];

const HOUR_MS = 3600_000;
const DAY_MS = 24 * HOUR_MS;

/** 32-bit FNV-1a hash of a string. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** The burn rate a profile runs at, at a given time; `incidentAt` anchors the paging incident and the burning week. */
export function demoBurnRate(
  profile: DemoProfile,
  at: number,
  incidentAt: number,
): number {
  switch (profile) {
    case 'paging':
      return at >= incidentAt - 2 * HOUR_MS ? 24 : 0.5;
    case 'burning':
      return at >= incidentAt - 7 * DAY_MS ? 2.5 : 0.4;
    default:
      return 0.3;
  }
}

/** Synthetic good/total counts of one SLI interval [start, end). */
export function demoIntervalCounts(options: {
  sliKey: string;
  profile: DemoProfile;
  target: number;
  start: number;
  end: number;
  incidentAt: number;
}): { good: number; total: number } {
  const { sliKey, profile, target, start, end, incidentAt } = options;
  const random = seededRandom(hashString(`${sliKey}@${start}`));
  const minutes = (end - start) / 60_000;
  // 1,500–5,000 events a minute: at a few hundred, a 5-minute window held a handful of bad events at night, and
  // the paging profile's fast-burn alert (14.4× over 1 h and 5 min) flapped off in one check of twenty.
  const perMinute = 1500 + (hashString(sliKey) % 3500);
  const hourOfDay = new Date(start).getUTCHours() + 0.5;
  const diurnal = 0.65 + 0.35 * Math.sin(((hourOfDay - 8) / 24) * 2 * Math.PI);
  const noise = 0.85 + 0.3 * random();
  const total = Math.max(1, Math.round(perMinute * minutes * diurnal * noise));
  const errorRate = Math.min(
    1,
    demoBurnRate(profile, start, incidentAt) *
      (1 - target) *
      (0.6 + 0.8 * random()),
  );
  const expectedBad = total * errorRate;
  const bad = Math.min(
    total,
    Math.floor(expectedBad) + (random() < expectedBad % 1 ? 1 : 0),
  );
  return { good: total - bad, total };
}

/**
 * Interval boundaries covering [from, to): hourly while more than a day from `to` (history is coarse),
 * one-minute intervals for the last day (so short burn-rate windows have data).
 */
export function demoIntervals(
  from: number,
  to: number,
): Array<{ start: number; end: number }> {
  const intervals: Array<{ start: number; end: number }> = [];
  let cursor = from;
  while (cursor < to) {
    const step =
      to - cursor > DAY_MS && cursor % HOUR_MS === 0 ? HOUR_MS : 60_000;
    const end = Math.min(cursor + step, to);
    intervals.push({ start: cursor, end });
    cursor = end;
  }
  return intervals;
}
