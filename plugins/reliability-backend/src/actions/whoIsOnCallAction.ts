import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  entityRefKey,
  GroupOnCallEntity,
} from '@internal/backstage-plugin-reliability-common';
import { entityRefField, loadActionEntity } from './actionEntity';
import { defineAction, READ_ONLY } from './defineAction';
import {
  OnCallOutput,
  onCallOutput,
  onCallSchema,
  personOutput,
} from './onCallOutput';
import { OnCallReader } from './sources';

const DESCRIPTION = `
Who is on call, now and next. Use it for "who is on call for checkout?", "who do I page about payments?" or
"who is on call in the payments team?".

Give either a service (kind Component, the default) or a team (a Group, e.g. "group:default/checkout-payments").
- For a service: one entry with the people on call now (escalationLevel 1 is paged first, 2 is the backup), when
  their shift ends (until) and who takes over next.
- For a team: one entry per service the team owns, with the primary and secondary on call now.
status "not-configured" means the service has no on-call schedule; "error" means the paging provider failed and the
people shown are the last known ones (say so when answering). Only entities the caller may see are found.
`.trim();

type Entry = OnCallOutput & { entityRef: string; title: string | null };

function teamEntry(entity: GroupOnCallEntity): Entry {
  const shift = (
    person: GroupOnCallEntity['primary'],
    escalationLevel: number,
    until: string | null,
  ) =>
    person
      ? [
          {
            person: personOutput(person),
            escalationLevel,
            schedule: null,
            from: null,
            until,
          },
        ]
      : [];
  return {
    entityRef: entity.entityRef,
    title: entity.title ?? null,
    status: entity.status,
    provider: entity.provider,
    now: [
      ...shift(entity.primary, 1, entity.primaryUntil),
      ...shift(entity.secondary, 2, null),
    ],
    next: [],
    message: entity.message ?? null,
    lastKnownAt: entity.status === 'error' ? entity.updatedAt : null,
  };
}

/** `who-is-on-call`: the on-call of a service, or of every service of a team, read with the caller's credentials. */
export function createWhoIsOnCallAction(deps: {
  catalog: CatalogService;
  onCall: OnCallReader;
}) {
  return defineAction({
    name: 'who-is-on-call',
    title: 'Who is on call',
    description: DESCRIPTION,
    attributes: READ_ONLY,
    schema: {
      input: z =>
        z.object({
          entityRef: entityRefField(z, 'The service or team (Group)'),
        }),
      output: z =>
        z.object({
          entityRef: z.string(),
          kind: z.enum(['service', 'team']),
          onCall: z.array(
            onCallSchema(z).extend({
              entityRef: z.string(),
              title: z.string().nullable(),
            }),
          ),
        }),
    },
    action: async ({ input, credentials }) => {
      const { entity } = await loadActionEntity(
        deps.catalog,
        input.entityRef,
        'component',
        credentials,
      );
      const entityRef = entityRefKey(entity);
      if (entity.kind.toLowerCase() === 'group') {
        const team = await deps.onCall.groupOnCall(entityRef, credentials);
        return {
          output: {
            entityRef,
            kind: 'team' as const,
            onCall: team.entities.map(teamEntry),
          },
        };
      }
      const onCall = await deps.onCall.getEntityOnCall(entity);
      return {
        output: {
          entityRef,
          kind: 'service' as const,
          onCall: [
            {
              entityRef,
              title: entity.metadata.title ?? entity.metadata.name,
              ...onCallOutput(onCall),
            },
          ],
        },
      };
    },
  });
}
