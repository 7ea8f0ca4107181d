import { z } from 'zod';

/** `:taskId` of a background-work route: a scheduler task id as the suite names them. */
export const taskIdParamsSchema = z.object({
  taskId: z.string().regex(/^[a-z0-9][a-z0-9-]{0,127}$/, 'not a task id'),
});

/** Body of `POST /background-work/:taskId/trigger`: why the run is wanted now (logged with who asked). */
export const triggerBodySchema = z
  .object({ reason: z.string().trim().min(3).max(500) })
  .strict();
