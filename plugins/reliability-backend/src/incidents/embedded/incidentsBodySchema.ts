import {
  INCIDENT_STATUSES,
  isHttpUrl,
  parseIncidentSeverity,
} from '@internal/backstage-plugin-reliability-common';
import { z } from 'zod';

/** Most incidents accepted in one write. */
export const MAX_INCIDENTS_PER_REQUEST = 100;
/** How far in the future a time may lie (clock skew allowance). */
export const MAX_FUTURE_SKEW_MS = 5 * 60 * 1000;

/** Ids of incidents: what tools use (`INC-1042`, `Q2K8ABCD`, `jira:OPS-7`). */
export const INCIDENT_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:#/-]{0,254}$/;

const isoTime = z.iso.datetime({ offset: true });

/** Body of the embedded incident source's write route; `now` bounds how far in the future times may lie. */
export function incidentsBodySchema(now: Date) {
  const latest = now.getTime() + MAX_FUTURE_SKEW_MS;
  const incident = z
    .object({
      id: z.string().regex(INCIDENT_ID_PATTERN, {
        message:
          'must be 1-255 characters of letters, digits, ".", "_", ":", "#", "/" or "-", starting with a letter or digit',
      }),
      title: z.string().trim().min(1).max(500),
      severity: z
        .string()
        .max(20)
        .transform((text, ctx) => {
          const severity = parseIncidentSeverity(text);
          if (!severity) {
            ctx.addIssue({
              code: 'custom',
              message: 'must be sev1..sev5 (also written SEV-1 or P1)',
            });
            return z.NEVER;
          }
          return severity;
        }),
      status: z.enum(INCIDENT_STATUSES),
      startedAt: isoTime,
      acknowledgedAt: isoTime.nullable().optional(),
      resolvedAt: isoTime.nullable().optional(),
      url: z
        .string()
        .max(2000)
        .refine(isHttpUrl, { message: 'must be an http(s) URL' })
        .nullable()
        .optional(),
    })
    .strict()
    .superRefine((value, ctx) => {
      const start = Date.parse(value.startedAt);
      const times = [
        ['startedAt', value.startedAt],
        ['acknowledgedAt', value.acknowledgedAt],
        ['resolvedAt', value.resolvedAt],
      ] as const;
      for (const [field, time] of times) {
        if (time && Date.parse(time) > latest) {
          ctx.addIssue({
            code: 'custom',
            message: 'lies in the future',
            path: [field],
          });
        }
      }
      for (const [field, time] of times.slice(1)) {
        if (time && Date.parse(time) < start) {
          ctx.addIssue({
            code: 'custom',
            message: 'must not be before startedAt',
            path: [field],
          });
        }
      }
      if ((value.status === 'resolved') !== Boolean(value.resolvedAt)) {
        ctx.addIssue({
          code: 'custom',
          message:
            value.status === 'resolved'
              ? 'a resolved incident needs resolvedAt'
              : 'only a resolved incident has resolvedAt',
          path: ['resolvedAt'],
        });
      }
    });
  return z
    .object({
      incidents: z
        .array(incident)
        .min(1)
        .max(MAX_INCIDENTS_PER_REQUEST)
        .superRefine((incidents, ctx) => {
          const seen = new Map<string, number>();
          incidents.forEach((value, index) => {
            const key = value.id.toLowerCase();
            const first = seen.get(key);
            if (first !== undefined) {
              ctx.addIssue({
                code: 'custom',
                message: `repeats the id of incidents.${first}`,
                path: [index, 'id'],
              });
            } else {
              seen.set(key, index);
            }
          });
        }),
    })
    .strict();
}

/** A validated body. */
export type IncidentsBody = z.infer<ReturnType<typeof incidentsBodySchema>>;
