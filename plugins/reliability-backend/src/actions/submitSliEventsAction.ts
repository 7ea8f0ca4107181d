import { PermissionsService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { reliabilitySliEventsWritePermission } from '@internal/backstage-plugin-reliability-common';
import { authorizeEntityWrite } from '../shared/authorizeEntityWrite';
import { loadEntity } from '../shared/entityLoader';
import { parseInput } from '../shared/parseInput';
import { actionEntityRef, entityRefField } from './actionEntity';
import { defineAction } from './defineAction';
import { SliEventsSchema, SliEventWriter } from './sources';

/** Most intervals one call takes (the HTTP route's limit too). */
const MAX_EVENTS = 1000;

const DESCRIPTION = `
Records SLI event counts (good and total events per time interval) for a service whose SLO reads the portal's
built-in "embedded" SLI store, e.g. after a batch job or when backfilling. Only the owners of the service (or
reliability admins) may do this; anyone else gets NotAllowedError - report that, do not retry.

Input: the service (kind Component by default), the SLI name used by its SLO (the metricSource spec "sli"), and
up to 1000 intervals {start, end, good, total}: ISO 8601 timestamps with a time zone, end after start, at most
one day long, not in the future, not overlapping each other or stored intervals (sending an interval with the
same start and end as a stored one replaces it, so retrying is safe); good <= total.
Output: how many intervals were written. SLO numbers update on the next collection (a few minutes).
`.trim();

/**
 * `submit-sli-events`: writes SLI event counts of one SLI of an entity. Permission-checked like the HTTP route
 * (`reliability.sli-events.write` on the entity, or the admin permission) before anything is read or written.
 */
export function createSubmitSliEventsAction(deps: {
  catalog: CatalogService;
  permissions: PermissionsService;
  sliEvents: SliEventWriter;
  sliEventsSchema: SliEventsSchema;
  now: () => Date;
}) {
  return defineAction({
    name: 'submit-sli-events',
    title: 'Submit SLI events',
    description: DESCRIPTION,
    attributes: { readOnly: false, destructive: false, idempotent: true },
    schema: {
      input: z =>
        z.object({
          entityRef: entityRefField(z, 'The service'),
          sli: z
            .string()
            .min(1)
            .max(255)
            .describe('SLI name, as in the SLO metric source spec'),
          events: z
            .array(
              z.object({
                start: z.string().describe('ISO 8601 start (inclusive)'),
                end: z.string().describe('ISO 8601 end (exclusive)'),
                good: z.number().int().nonnegative(),
                total: z.number().int().nonnegative(),
              }),
            )
            .min(1)
            .max(MAX_EVENTS),
        }),
      output: z =>
        z.object({
          entityRef: z.string(),
          sli: z.string(),
          written: z.number(),
        }),
    },
    action: async ({ input, credentials }) => {
      const entityRef = actionEntityRef(input.entityRef, 'component');
      await authorizeEntityWrite({
        permissions: deps.permissions,
        credentials,
        permission: reliabilitySliEventsWritePermission,
        entityRef,
        deniedMessage: `Not allowed to write SLI events for ${entityRef}`,
      });
      const body = parseInput(
        deps.sliEventsSchema(deps.now()),
        { sli: input.sli, events: input.events },
        'SLI events',
      );
      await loadEntity(deps.catalog, entityRef, credentials);
      const response = await deps.sliEvents.ingest(
        entityRef,
        body.sli,
        body.events.map(event => ({
          start: new Date(event.start),
          end: new Date(event.end),
          good: event.good,
          total: event.total,
        })),
      );
      return { output: response };
    },
  });
}
