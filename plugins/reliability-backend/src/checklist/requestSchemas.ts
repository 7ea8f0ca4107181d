import {
  ASSESSMENT_ANSWERS,
  isHttpUrl,
} from '@internal/backstage-plugin-reliability-common';
import { z } from 'zod';

/** Most answers a request may carry (far above any sensible checklist). */
const MAX_ANSWERS = 300;

const itemId = z.string().min(1).max(64);

const boundedRecord = <T extends z.ZodType>(value: T) =>
  z.record(itemId, value).refine(r => Object.keys(r).length <= MAX_ANSWERS, {
    message: `at most ${MAX_ANSWERS} answers`,
  });

/** One submitted answer. */
export const answerInputSchema = z.strictObject({
  answer: z.enum(ASSESSMENT_ANSWERS),
  evidenceUrl: z
    .string()
    .max(2048)
    .refine(isHttpUrl, { message: 'must be an http(s) URL' })
    .optional(),
  note: z.string().max(2000).optional(),
  // Real calendar dates only: Date.parse would silently roll 2027-02-30 over to March 2.
  expiresAt: z
    .union([z.iso.date(), z.iso.datetime({ offset: true })], {
      error: 'must be an ISO 8601 date (YYYY-MM-DD) or date-time',
    })
    .optional(),
});

/** Body of `POST .../maturity/assessments`. */
export const submitAssessmentSchema = z.strictObject({
  checklistVersion: z.string().min(1).max(128),
  answers: boundedRecord(answerInputSchema),
});

/** Body of `PUT .../maturity/draft`: the wizard's state as typed so far (validated fully on submit). */
export const saveDraftSchema = z.strictObject({
  checklistVersion: z.string().min(1).max(128),
  answers: boundedRecord(
    z.strictObject({
      answer: z.enum(ASSESSMENT_ANSWERS).optional(),
      evidenceUrl: z.string().max(2048).optional(),
      note: z.string().max(2000).optional(),
      expiresAt: z.string().max(40).optional(),
    }),
  ),
  step: z.number().int().min(0).max(50).optional(),
});

/** Query of `GET .../maturity/history`. */
export const historyQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** Query of `GET .../maturity/audit`: how many of the newest assessments to show. */
export const auditQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** Query of `GET /rollups`. */
export const rollupsQuerySchema = z.strictObject({
  by: z.enum(['team', 'system', 'domain', 'org']).default('team'),
});

/** Assessment id in a route. */
export const assessmentIdSchema = z.uuid();

/** A checklist item id (in a route or a body). */
export const itemIdSchema = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9-]{0,63}$/,
    'must be a checklist item id (lower-case letters, digits and dashes)',
  );

const isoDateOrDateTime = z.union(
  [z.iso.date(), z.iso.datetime({ offset: true })],
  {
    error: 'must be an ISO 8601 date (YYYY-MM-DD) or date-time',
  },
);

/** Body of `POST .../maturity/exemptions`. */
export const requestExemptionSchema = z.strictObject({
  itemId: itemIdSchema,
  justification: z.string().min(1).max(2000),
  expiresAt: isoDateOrDateTime,
});

/** Body of `POST .../maturity/exemptions/:itemId/decision`. */
export const decideExemptionSchema = z.strictObject({
  decision: z.enum(['approve', 'reject']),
  comment: z.string().max(2000).optional(),
  expiresAt: isoDateOrDateTime.optional(),
});

/** Body of `DELETE .../maturity/exemptions/:itemId`. */
export const revokeExemptionSchema = z.strictObject({
  reason: z.string().min(1).max(2000),
  endsAt: isoDateOrDateTime.optional(),
});

/** Query of `GET .../maturity/exemptions`. */
export const entityExemptionsQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** Query of `GET /exemptions`. */
export const exemptionsQuerySchema = z.strictObject({
  status: z.enum(['pending', 'active', 'all']).default('active'),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
