import { z } from 'zod';

/** The parts of Opsgenie REST API v2 responses the provider reads (other fields are ignored). */

const ref = z.object({
  id: z.string().optional(),
  name: z.string().optional(),
});

export const teamResponseSchema = z.object({
  data: z.object({
    id: z.string(),
    name: z.string(),
    links: z.object({ web: z.string().optional() }).partial().optional(),
  }),
});

const participant = z.object({
  type: z.string(),
  id: z.string().optional(),
  username: z.string().optional(),
  name: z.string().optional(),
});

export const schedulesResponseSchema = z.object({
  data: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      timezone: z.string().optional(),
      enabled: z.boolean().optional(),
      ownerTeam: ref.optional(),
      rotations: z
        .array(
          z.object({
            name: z.string().optional(),
            participants: z.array(participant).optional(),
          }),
        )
        .optional(),
    }),
  ),
});
export type OpsgenieSchedule = z.infer<
  typeof schedulesResponseSchema
>['data'][number];

/** An on-call participant; teams and escalations nest their own participants. */
export interface OpsgenieParticipant {
  id?: string;
  name?: string;
  type: string;
  onCallParticipants?: OpsgenieParticipant[];
}
const onCallParticipant: z.ZodType<OpsgenieParticipant> = z.lazy(() =>
  z.object({
    id: z.string().optional(),
    name: z.string().optional(),
    type: z.string(),
    onCallParticipants: z.array(onCallParticipant).optional(),
  }),
);

export const onCallsResponseSchema = z.object({
  data: z.object({
    onCallParticipants: z.array(onCallParticipant).default([]),
  }),
});

export const nextOnCallsResponseSchema = z.object({
  data: z.object({
    nextOnCallRecipients: z.array(onCallParticipant).default([]),
  }),
});

export const timelineResponseSchema = z.object({
  data: z.object({
    finalTimeline: z
      .object({
        rotations: z
          .array(
            z.object({
              name: z.string().optional(),
              periods: z
                .array(
                  z.object({
                    startDate: z.string(),
                    // Absent for a period without a known end: kept unknown, never invented.
                    endDate: z.string().nullish(),
                    type: z.string().optional(),
                    recipient: participant,
                  }),
                )
                .default([]),
            }),
          )
          .default([]),
      })
      .optional(),
  }),
});
export type OpsgeniePeriod = NonNullable<
  z.infer<typeof timelineResponseSchema>['data']['finalTimeline']
>['rotations'][number]['periods'][number];

export const escalationsResponseSchema = z.object({
  data: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      ownerTeam: ref.optional(),
      rules: z
        .array(
          z.object({
            delay: z
              .object({
                timeAmount: z.number(),
                timeUnit: z.string().optional(),
              })
              .optional(),
            recipient: z.object({
              type: z.string(),
              id: z.string().optional(),
              name: z.string().optional(),
              username: z.string().optional(),
            }),
          }),
        )
        .default([]),
    }),
  ),
});
export type OpsgenieEscalation = z.infer<
  typeof escalationsResponseSchema
>['data'][number];
