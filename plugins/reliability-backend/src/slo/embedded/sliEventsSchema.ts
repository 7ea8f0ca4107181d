import { z } from 'zod';
import { describeInterval, overlappingPairs } from './intervalOverlaps';

/** Most intervals accepted in one ingest request. */
export const MAX_EVENTS_PER_REQUEST = 1000;
/** Longest interval accepted (longer ones would blur burn-rate windows). */
export const MAX_INTERVAL_MS = 24 * 60 * 60 * 1000;
/** How far in the future an interval may end (clock skew allowance). */
export const MAX_FUTURE_SKEW_MS = 5 * 60 * 1000;

const count = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

/** Body of the SLI events ingest route; `now` bounds how far in the future intervals may end. */
export function sliEventsBodySchema(now: Date) {
  return z
    .object({
      sli: z
        .string()
        .min(1)
        .max(255)
        .regex(
          /^[A-Za-z0-9][A-Za-z0-9._-]*$/,
          'must be a name of letters, digits, ".", "_" or "-"',
        ),
      events: z
        .array(
          z
            .object({
              start: z.iso.datetime({ offset: true }),
              end: z.iso.datetime({ offset: true }),
              good: count,
              total: count,
            })
            .strict()
            .superRefine((event, ctx) => {
              const start = Date.parse(event.start);
              const end = Date.parse(event.end);
              if (event.good > event.total) {
                ctx.addIssue({
                  code: 'custom',
                  message: 'good must not exceed total',
                  path: ['good'],
                });
              }
              if (!(end > start)) {
                ctx.addIssue({
                  code: 'custom',
                  message: 'end must be after start',
                  path: ['end'],
                });
              } else if (end - start > MAX_INTERVAL_MS) {
                ctx.addIssue({
                  code: 'custom',
                  message: 'an interval may span at most one day',
                  path: ['end'],
                });
              }
              if (end > now.getTime() + MAX_FUTURE_SKEW_MS) {
                ctx.addIssue({
                  code: 'custom',
                  message: 'the interval ends in the future',
                  path: ['end'],
                });
              }
            }),
        )
        .min(1)
        .max(MAX_EVENTS_PER_REQUEST)
        .superRefine((events, ctx) => {
          // Overlapping intervals would count the same events twice.
          const intervals = events.map(event => ({
            start: new Date(event.start),
            end: new Date(event.end),
          }));
          for (const [earlier, later] of overlappingPairs(intervals)) {
            ctx.addIssue({
              code: 'custom',
              message: `the interval ${describeInterval(
                intervals[later],
              )} overlaps events.${earlier} (${describeInterval(
                intervals[earlier],
              )})`,
              path: [later, 'start'],
            });
          }
        }),
    })
    .strict();
}
