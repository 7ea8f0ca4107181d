import {
  ALERT_STATES,
  isHttpUrl,
} from '@internal/backstage-plugin-reliability-common';
import { z } from 'zod';

/** Most alerts, and most firings, accepted in one write. */
export const MAX_ALERTS_PER_REQUEST = 200;
export const MAX_FIRINGS_PER_REQUEST = 1000;
/** How far in the future a time may lie (clock skew allowance). */
export const MAX_FUTURE_SKEW_MS = 5 * 60 * 1000;
/** Most labels of one alert. */
export const MAX_LABELS = 50;

/** Ids of alerts: monitor ids, `group/AlertName`, what tools use. */
export const ALERT_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:#/@+=-]{0,254}$/;
/** Label and tag names. */
export const LABEL_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_.\-/]{0,99}$/;

const isoTime = z.iso.datetime({ offset: true });

const httpUrl = z
  .string()
  .max(2000)
  .refine(isHttpUrl, { message: 'must be an http(s) URL' });

const alertId = z.string().regex(ALERT_ID_PATTERN, {
  message:
    'must be 1-255 characters of letters, digits and . _ : # / @ + = -, starting with a letter or digit',
});

/** Body of the embedded alert source's write route; `now` bounds how far in the future times may lie. */
export function alertsBodySchema(now: Date) {
  const latest = now.getTime() + MAX_FUTURE_SKEW_MS;
  const alert = z
    .object({
      id: alertId,
      name: z.string().trim().min(1).max(255),
      state: z.enum(ALERT_STATES),
      severity: z.string().trim().min(1).max(64).nullable().optional(),
      pages: z.boolean(),
      runbookUrl: httpUrl.nullable().optional(),
      description: z.string().max(4000).nullable().optional(),
      url: httpUrl.nullable().optional(),
      labels: z
        .record(
          z.string().regex(LABEL_NAME_PATTERN, {
            message: 'label names are letters, digits, _ . - /',
          }),
          z.string().max(500),
        )
        .refine(labels => Object.keys(labels).length <= MAX_LABELS, {
          message: `at most ${MAX_LABELS} labels`,
        })
        .optional(),
      query: z.string().max(4000).nullable().optional(),
    })
    .strict();
  const firing = z
    .object({
      alertId,
      startedAt: isoTime,
      resolvedAt: isoTime.nullable().optional(),
    })
    .strict()
    .superRefine((value, ctx) => {
      for (const field of ['startedAt', 'resolvedAt'] as const) {
        const time = value[field];
        if (time && Date.parse(time) > latest) {
          ctx.addIssue({
            code: 'custom',
            message: 'lies in the future',
            path: [field],
          });
        }
      }
      if (
        value.resolvedAt &&
        Date.parse(value.resolvedAt) < Date.parse(value.startedAt)
      ) {
        ctx.addIssue({
          code: 'custom',
          message: 'must not be before startedAt',
          path: ['resolvedAt'],
        });
      }
    });
  return z
    .object({
      alerts: z
        .array(alert)
        .max(MAX_ALERTS_PER_REQUEST)
        .superRefine((alerts, ctx) => {
          const seen = new Map<string, number>();
          alerts.forEach((value, index) => {
            const first = seen.get(value.id);
            if (first !== undefined) {
              ctx.addIssue({
                code: 'custom',
                message: `repeats the id of alerts.${first}`,
                path: [index, 'id'],
              });
            } else {
              seen.set(value.id, index);
            }
          });
        })
        .optional(),
      firings: z.array(firing).max(MAX_FIRINGS_PER_REQUEST).optional(),
      replace: z.boolean().optional(),
    })
    .strict()
    .superRefine((value, ctx) => {
      if (!value.alerts?.length && !value.firings?.length && !value.replace) {
        ctx.addIssue({
          code: 'custom',
          message:
            'needs alerts or firings (or replace: true to remove every alert)',
          path: ['alerts'],
        });
      }
    });
}

/** A validated body. */
export type AlertsBody = z.infer<ReturnType<typeof alertsBodySchema>>;
