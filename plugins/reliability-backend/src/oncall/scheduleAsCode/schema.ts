import { DateTime, IANAZone } from 'luxon';
import { z } from 'zod';

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const ID = /^[a-z0-9][a-z0-9._-]{0,99}$/i;

/** Week days as written in YAML; `weekdays` / `weekends` expand to their days. */
export const WEEK_DAYS = [
  'mon',
  'tue',
  'wed',
  'thu',
  'fri',
  'sat',
  'sun',
] as const;
export type WeekDay = (typeof WEEK_DAYS)[number];

const id = z
  .string()
  .regex(ID, 'must be 1-100 letters, digits, dots, dashes or underscores');
const timeOfDay = z.string().regex(HH_MM, "must be a time 'HH:mm'");
const timeZone = z
  .string()
  .max(64)
  .refine(zone => IANAZone.isValidZone(zone), {
    message: 'must be an IANA time zone such as Europe/Berlin',
  });
const localDate = z
  .string()
  .regex(DATE, "must be a date 'YYYY-MM-DD'")
  .refine(value => DateTime.fromISO(value).isValid, {
    message: 'must be a valid calendar date',
  });
const instant = z
  .string()
  .max(40)
  .refine(value => DateTime.fromISO(value, { setZone: true }).isValid, {
    message:
      'must be an ISO 8601 date-time (an offset is optional; without one the schedule time zone applies)',
  });
/** A catalog user ref (`user:default/ana.silva`), an email address or a plain name. */
const member = z.string().trim().min(1).max(200);
const url = z
  .string()
  .max(2000)
  .regex(/^https?:\/\//, 'must be an http(s) URL');
/**
 * The runbook of an escalation level: an http(s) URL, or the id of a runbook of the entity the policy is used
 * for (resolved in the UI against that entity's runbooks, like SLO `runbook` fields).
 */
const runbookReference = z.union([
  url,
  z
    .string()
    .regex(
      ID,
      'must be an http(s) URL or a runbook id (letters, digits, dots, dashes, underscores)',
    ),
]);
const contact = z
  .array(
    z.object({
      type: z.string().min(1).max(40),
      value: z.string().min(1).max(500),
    }),
  )
  .max(20);

const restriction = z.object({
  /** Days the window starts on; `weekdays` = mon-fri, `weekends` = sat-sun. Default: every day. */
  days: z
    .union([
      z.enum(['weekdays', 'weekends', 'everyday']),
      z.array(z.enum(WEEK_DAYS)).min(1).max(7),
    ])
    .default('everyday'),
  /** Window start, local time. */
  start: timeOfDay,
  /** Window end, local time; at or before `start` means the next day (overnight window). */
  end: timeOfDay,
});

const layer = z
  .object({
    name: z.string().min(1).max(200),
    members: z.array(member).min(1).max(200),
    rotation: z.enum(['daily', 'weekly', 'custom']),
    /** Length of a turn for `custom` rotations, in wall-clock hours. */
    rotationHours: z
      .number()
      .int()
      .min(1)
      .max(24 * 366)
      .optional(),
    handoffTime: timeOfDay.default('09:00'),
    /** Date of the first handoff (at `handoffTime`, in the schedule's time zone). */
    start: localDate,
    /** Optional last day of the layer (exclusive, at `handoffTime`). */
    end: localDate.optional(),
    restrictions: z.array(restriction).max(50).default([]),
  })
  .refine(value => value.rotation !== 'custom' || value.rotationHours, {
    message: "rotationHours is required when rotation is 'custom'",
    path: ['rotationHours'],
  });

const override = z
  .object({
    member,
    start: instant,
    end: instant,
  })
  .refine(
    value => DateTime.fromISO(value.start) < DateTime.fromISO(value.end),
    {
      message: 'end must be after start',
      path: ['end'],
    },
  );

const schedule = z.object({
  id,
  name: z.string().min(1).max(200),
  timeZone,
  /** Later layers override earlier ones where both have someone on call. */
  layers: z.array(layer).min(1).max(20),
  overrides: z.array(override).max(500).default([]),
  contact: contact.optional(),
});

const target = z.union([
  z.object({ schedule: id }).strict(),
  z.object({ user: member }).strict(),
]);

const escalationPolicy = z.object({
  id,
  name: z.string().min(1).max(200).optional(),
  levels: z
    .array(
      z.object({
        escalateAfterMinutes: z
          .number()
          .int()
          .min(0)
          .max(24 * 60)
          .optional(),
        targets: z.array(target).min(1).max(20),
        runbook: runbookReference.optional(),
      }),
    )
    .min(1)
    .max(10),
  contact: contact.optional(),
});

/** One schedule-as-code YAML file. */
export const scheduleFileSchema = z.object({
  schedules: z.array(schedule).max(500).default([]),
  escalationPolicies: z.array(escalationPolicy).max(500).default([]),
});

export type ScheduleFile = z.infer<typeof scheduleFileSchema>;
export type ScheduleSpec = ScheduleFile['schedules'][number];
export type LayerSpec = ScheduleSpec['layers'][number];
export type RestrictionSpec = LayerSpec['restrictions'][number];
export type OverrideSpec = ScheduleSpec['overrides'][number];
export type EscalationPolicySpec = ScheduleFile['escalationPolicies'][number];
