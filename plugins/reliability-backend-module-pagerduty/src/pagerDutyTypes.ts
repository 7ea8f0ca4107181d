import { z } from 'zod';

/** The parts of PagerDuty REST API v2 responses the provider reads (other fields are ignored). */

const reference = z.object({
  id: z.string(),
  type: z.string(),
  summary: z.string().nullish(),
  html_url: z.string().nullish(),
});

export const userSchema = z.object({
  id: z.string(),
  type: z.string().optional(),
  name: z.string().nullish(),
  summary: z.string().nullish(),
  email: z.string().nullish(),
  time_zone: z.string().nullish(),
  html_url: z.string().nullish(),
});
export type PagerDutyUser = z.infer<typeof userSchema>;

export const escalationPolicySchema = z.object({
  id: z.string(),
  name: z.string().nullish(),
  summary: z.string().nullish(),
  html_url: z.string().nullish(),
  escalation_rules: z
    .array(
      z.object({
        id: z.string().optional(),
        escalation_delay_in_minutes: z.number().nullish(),
        targets: z.array(reference),
      }),
    )
    .optional(),
});
export type PagerDutyEscalationPolicy = z.infer<typeof escalationPolicySchema>;

export const serviceResponseSchema = z.object({
  service: z.object({
    id: z.string(),
    name: z.string().nullish(),
    summary: z.string().nullish(),
    html_url: z.string().nullish(),
    escalation_policy: escalationPolicySchema,
  }),
});

export const escalationPolicyResponseSchema = z.object({
  escalation_policy: escalationPolicySchema,
});

export const oncallsResponseSchema = z.object({
  oncalls: z.array(
    z.object({
      escalation_level: z.number(),
      schedule: reference.nullish(),
      user: userSchema,
      start: z.string().nullish(),
      end: z.string().nullish(),
    }),
  ),
  limit: z.number().optional(),
  offset: z.number().optional(),
  more: z.boolean().optional(),
});
export type PagerDutyOnCall = z.infer<
  typeof oncallsResponseSchema
>['oncalls'][number];

export const scheduleResponseSchema = z.object({
  schedule: z.object({
    id: z.string(),
    name: z.string().nullish(),
    summary: z.string().nullish(),
    time_zone: z.string().nullish(),
    schedule_layers: z
      .array(z.object({ users: z.array(z.object({ user: userSchema })) }))
      .optional(),
    users: z.array(userSchema).optional(),
  }),
});
