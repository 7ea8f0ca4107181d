import {
  Checklist,
  NO_LEVEL,
} from '@internal/backstage-plugin-reliability-common';

/**
 * The level of a group of services from a roll-up's services per level: the highest level that at least half
 * of its services reached (a level counts every service at it or above). `none` when the group is empty or
 * fewer than half reached the first level.
 */
export function groupLevel(
  levels: Record<string, number>,
  checklist: Pick<Checklist, 'levels'>,
): string {
  const total = Object.values(levels).reduce((a, b) => a + b, 0);
  if (total === 0) return NO_LEVEL;
  let atOrAbove = 0;
  for (const level of [...checklist.levels].reverse()) {
    atOrAbove += levels[level.id] ?? 0;
    if (atOrAbove * 2 >= total) return level.id;
  }
  return NO_LEVEL;
}
