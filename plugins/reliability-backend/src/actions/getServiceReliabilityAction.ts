import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATIONS,
  entityRefKey,
} from '@internal/backstage-plugin-reliability-common';
import { entityRefField, loadActionEntity } from './actionEntity';
import { defineAction, READ_ONLY } from './defineAction';
import { maturityOutput, maturitySchema } from './maturityOutput';
import { onCallOutput, onCallSchema } from './onCallOutput';
import { runbookOutput, runbookSchema } from './runbookOutput';
import { settle } from './settle';
import { sloOutput, sloProblemText, sloSchema } from './sloOutput';
import {
  MaturityReader,
  OnCallReader,
  PolicyStateReader,
  RunbookReader,
  SloReader,
} from './sources';

const DESCRIPTION = `
Everything the reliability portal knows about one service, in one call: use it to answer "how is <service> doing?",
"can we trust <service> right now?", or before changing or deploying a service.

Returns:
- slos: each SLO with its target, window, attainment, error budget left (budgetRemaining: 1 untouched, 0 exhausted,
  negative overspent) and alertState ("page" = urgent burn, "ticket" = slower burn, "ok", "unknown" = no data);
  stale=true means the metrics provider failed and the numbers are the last known ones.
- onCall: who is on call now and who is next (escalationLevel 1 is paged first).
- runbooks: the service's runbooks, plus which SLO alerts have no runbook (alertsWithoutRunbook).
- maturity: the reliability-maturity level, score (0-100) and fixNext, the checklist items worth fixing first.
- policy: the service's error-budget policy state ("halted", "frozen", "review", "ok", "no-data"), what it means for
  deploys (decision: allow, warn, deny), since when, and what the team agreed to do in it (consequence); keptUntil
  means the problem stopped but the policy keeps the state until then. Before a deploy, ask check-deploy-gate.
- problems: parts that could not be read (a provider down, invalid SLO files, SLO collection behind so the SLO
  figures are old); the other parts are still valid.

The entity defaults to kind Component and namespace "default". Only entities the caller may see are found.
`.trim();

/**
 * `get-service-reliability`: SLOs with budget and alert state, on-call now and next, runbooks with alert
 * coverage, maturity and what to fix next, of one entity read with the caller's credentials.
 */
export function createGetServiceReliabilityAction(deps: {
  catalog: CatalogService;
  slos: SloReader;
  onCall: OnCallReader;
  runbooks: RunbookReader;
  maturity: MaturityReader;
  policyStates: PolicyStateReader;
}) {
  return defineAction({
    name: 'get-service-reliability',
    title: 'Get the reliability of a service',
    description: DESCRIPTION,
    attributes: READ_ONLY,
    schema: {
      input: z =>
        z.object({
          entityRef: entityRefField(z, 'The service'),
        }),
      output: z =>
        z.object({
          entityRef: z.string(),
          title: z.string(),
          owner: z.string().nullable(),
          tier: z.string().nullable(),
          slos: z.array(sloSchema(z)),
          onCall: onCallSchema(z).nullable(),
          runbooks: z.array(runbookSchema(z)),
          runbookCoverage: z
            .object({
              ratio: z
                .number()
                .nullable()
                .describe('Share of SLO alerts with a runbook (0..1)'),
              alertsWithoutRunbook: z.array(z.string()),
            })
            .nullable(),
          maturity: maturitySchema(z).nullable(),
          policy: z
            .object({
              name: z.string(),
              state: z.string(),
              decision: z.enum(['allow', 'warn', 'deny']),
              since: z.string(),
              consequence: z.string().nullable(),
              keptUntil: z.string().nullable(),
            })
            .nullable(),
          problems: z.array(z.string()),
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
      const problems: string[] = [];
      const [slos, onCall, runbooks, maturity, policyStates] =
        await Promise.all([
          settle('SLOs', problems, () => deps.slos.getEntitySlos(entity)),
          settle('on-call', problems, () =>
            deps.onCall.getEntityOnCall(entity),
          ),
          settle('runbooks', problems, () =>
            deps.runbooks.list(entity, undefined),
          ),
          settle('maturity', problems, () =>
            deps.maturity.getEntityMaturity(entityRef),
          ),
          settle('policy', problems, () =>
            deps.policyStates.getStates([entityRef]),
          ),
        ]);
      // The service as a whole is recorded under the SLO name ''.
      const service = policyStates
        ?.get(entityRef)
        ?.find(state => state.sloName === '');
      problems.push(
        ...(slos?.definitionErrors ?? []).map(
          p => `SLO definitions: ${sloProblemText(p)}`,
        ),
      );
      if (slos?.collectionOverdue) {
        problems.push(
          `SLO collection is behind: the SLO figures were last checked at ${slos.collectionOverdue.checkedAt} and may be out of date`,
        );
      }
      if (runbooks?.coverage.error) {
        problems.push(`runbook coverage: ${runbooks.coverage.error}`);
      }
      const owner = entity.spec?.owner;
      return {
        output: {
          entityRef,
          title: entity.metadata.title ?? entity.metadata.name,
          owner: typeof owner === 'string' ? owner : null,
          tier: entity.metadata.annotations?.[ANNOTATIONS.tier] ?? null,
          slos: (slos?.slos ?? []).map(sloOutput),
          onCall: onCall ? onCallOutput(onCall) : null,
          runbooks: (runbooks?.runbooks ?? []).map(runbookOutput),
          runbookCoverage: runbooks
            ? {
                ratio: runbooks.coverage.ratio,
                alertsWithoutRunbook: runbooks.coverage.alerts
                  .filter(alert => !alert.runbook)
                  .map(alert => `${alert.slo}/${alert.alert}`),
              }
            : null,
          maturity: maturity
            ? maturityOutput(maturity, deps.maturity.checklist)
            : null,
          policy: service
            ? {
                name: service.policyName,
                state: service.state,
                decision: service.decision,
                since: service.since.toISOString(),
                consequence: service.consequence,
                keptUntil: service.keptUntil?.toISOString() ?? null,
              }
            : null,
          problems,
        },
      };
    },
  });
}
