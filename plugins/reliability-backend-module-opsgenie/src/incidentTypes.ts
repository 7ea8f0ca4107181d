import { z } from 'zod';

/** The parts of Opsgenie Incident API (v1) responses the incident provider reads (others are ignored). */

export const incidentsResponseSchema = z.object({
  data: z.array(
    z.object({
      id: z.string(),
      tinyId: z.string().nullish(),
      message: z.string().nullish(),
      status: z.string(),
      priority: z.string().nullish(),
      createdAt: z.string(),
      updatedAt: z.string().nullish(),
      impactStartDate: z.string().nullish(),
      impactEndDate: z.string().nullish(),
      ownerTeam: z.string().nullish(),
      responders: z
        .array(z.object({ type: z.string(), id: z.string().optional() }))
        .nullish(),
      links: z
        .object({ web: z.string().nullish(), api: z.string().nullish() })
        .partial()
        .nullish(),
    }),
  ),
  paging: z
    .object({
      next: z.string().nullish(),
      first: z.string().nullish(),
      last: z.string().nullish(),
    })
    .partial()
    .nullish(),
});
export type OpsgenieIncident = z.infer<
  typeof incidentsResponseSchema
>['data'][number];
