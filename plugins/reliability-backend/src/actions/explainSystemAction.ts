import { InputError } from '@backstage/errors';
import { ReliabilityState } from '@internal/backstage-plugin-reliability-common';
import { actionEntityRef, entityRefField } from './actionEntity';
import { defineAction, READ_ONLY } from './defineAction';
import { TourReader } from './sources';

const DESCRIPTION = `
Explains a system or a domain to someone new to it: what it is, and the services to get to know first, most
important first (the portal's architecture tour reading path). Use it for "explain the payments system to me",
"I just joined the orders team, where do I start?" or "what is in the storefront domain?".

Input: a System (the default kind) or a Domain, e.g. "system:default/payments" or "domain:default/commerce".
Output: the system's description, then readingPath: for each service why it matters (tier, how many depend on it,
alerts), its reliability state ("breaching", "at-risk", "ok", "unknown"), what each of its SLOs promises in plain
words, and its runbooks. states counts the entities of the map by state. truncated=true means the system has
more parts than the tour reads. Only entities the caller may see are included.
`.trim();

const KINDS = ['system', 'domain'] as const;

/** `explain-system`: the tour's reading path of a system or domain, read with the caller's credentials. */
export function createExplainSystemAction(deps: { tour: TourReader }) {
  return defineAction({
    name: 'explain-system',
    title: 'Explain a system or domain',
    description: DESCRIPTION,
    attributes: READ_ONLY,
    schema: {
      input: z =>
        z.object({
          entityRef: entityRefField(z, 'The system or domain'),
        }),
      output: z =>
        z.object({
          entityRef: z.string(),
          kind: z.enum(KINDS),
          title: z.string(),
          description: z.string().nullable(),
          readingPath: z.array(
            z.object({
              entityRef: z.string(),
              title: z.string(),
              whyItMatters: z.string(),
              state: z.enum(['ok', 'at-risk', 'breaching', 'unknown']),
              slos: z.array(
                z.object({ name: z.string(), meaning: z.string() }),
              ),
              runbooks: z.array(
                z.object({
                  title: z.string(),
                  kind: z.string(),
                  url: z.string().nullable(),
                }),
              ),
            }),
          ),
          memberCount: z.number(),
          states: z.object({
            ok: z.number(),
            atRisk: z.number(),
            breaching: z.number(),
            unknown: z.number(),
          }),
          truncated: z.boolean(),
        }),
    },
    action: async ({ input, credentials }) => {
      const entityRef = actionEntityRef(input.entityRef, 'system');
      const kind = KINDS.find(k => entityRef.startsWith(`${k}:`));
      if (!kind) {
        throw new InputError(
          `${entityRef} is neither a system nor a domain; give "system:<namespace>/<name>" or "domain:<namespace>/<name>"`,
        );
      }
      const tour =
        kind === 'system'
          ? await deps.tour.systemTour(entityRef, credentials)
          : await deps.tour.domainTour(entityRef, credentials);
      const members = tour.nodes.filter(
        node => !node.external && node.entityRef !== tour.root.entityRef,
      );
      const count = (state: ReliabilityState) =>
        members.filter(node => node.state === state).length;
      return {
        output: {
          entityRef: tour.root.entityRef,
          kind,
          title: tour.root.title,
          description: tour.root.description,
          readingPath: tour.readingPath.map(step => ({
            entityRef: step.entityRef,
            title: step.title,
            whyItMatters: step.whyItMatters,
            state: step.state,
            slos: step.slos,
            runbooks: step.runbooks.map(runbook => ({
              title: runbook.title,
              kind: runbook.kind,
              url: runbook.url,
            })),
          })),
          memberCount: members.length,
          states: {
            ok: count('ok'),
            atRisk: count('at-risk'),
            breaching: count('breaching'),
            unknown: count('unknown'),
          },
          truncated: tour.truncated,
        },
      };
    },
  });
}
