import { z } from 'zod';

/** The parts of PagerDuty REST API v2 incident responses the incident provider reads (others are ignored). */

export const incidentsResponseSchema = z.object({
  incidents: z.array(
    z.object({
      id: z.string(),
      incident_number: z.number().nullish(),
      title: z.string().nullish(),
      summary: z.string().nullish(),
      status: z.string(),
      urgency: z.string().nullish(),
      priority: z
        .object({
          id: z.string().optional(),
          summary: z.string().nullish(),
          name: z.string().nullish(),
        })
        .nullish(),
      created_at: z.string(),
      last_status_change_at: z.string().nullish(),
      html_url: z.string().nullish(),
    }),
  ),
  limit: z.number().optional(),
  offset: z.number().optional(),
  more: z.boolean().optional(),
});
export type PagerDutyIncident = z.infer<
  typeof incidentsResponseSchema
>['incidents'][number];

export const logEntriesResponseSchema = z.object({
  log_entries: z.array(
    z.object({
      id: z.string().optional(),
      type: z.string(),
      created_at: z.string(),
    }),
  ),
  limit: z.number().optional(),
  offset: z.number().optional(),
  more: z.boolean().optional(),
});
export type PagerDutyLogEntry = z.infer<
  typeof logEntriesResponseSchema
>['log_entries'][number];
