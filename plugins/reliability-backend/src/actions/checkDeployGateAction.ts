import { CatalogService } from '@backstage/plugin-catalog-node';
import { entityRefField, loadActionEntity } from './actionEntity';
import { defineAction, READ_ONLY } from './defineAction';
import { DeployGateReader } from './sources';

const DESCRIPTION = `
Whether a service may be deployed now under its error-budget policy, and why: use it for "can I deploy payments?",
"why is checkout-api's deploy blocked?" or before suggesting a release.

decision is what the deploy gate answers pipelines: "allow", "warn" (go ahead with care: say why) or "deny" (do not
deploy; only fixes for the problem ship). policyDecision is the policy's own answer; overridden=true means a
break-glass override (override: who, why, until when) turns the policy's "deny" into "allow". reasons lists each SLO
whose state comes from a policy rule (state such as "halted", "frozen", "review"; consequence: what the team agreed
to do), most severe first; keptUntil on a reason means the problem stopped but the policy keeps the state until then
unless it comes back (say when to try again). sloDataOverdue means the answer rests on figures last checked at
checkedAt: SLO collection is behind, or (maxAgeMinutes) they are older than the service's policy allows. state "no-slos": the service has no SLOs, so the policy does not restrict it.
Asking here is not recorded among the gate's answers (pipelines ask the gate's own route). The entity defaults to
kind Component and namespace "default". Only entities the caller may see are found.
`.trim();

/** `check-deploy-gate`: the deploy gate's answer for one entity now, with its reasons and override, unrecorded. */
export function createCheckDeployGateAction(deps: {
  catalog: CatalogService;
  deployGate: DeployGateReader;
}) {
  return defineAction({
    name: 'check-deploy-gate',
    title: 'Check whether a service may be deployed',
    description: DESCRIPTION,
    attributes: READ_ONLY,
    schema: {
      input: z =>
        z.object({
          entityRef: entityRefField(z, 'The service'),
        }),
      output: z => {
        const decision = z.enum(['allow', 'warn', 'deny']);
        return z.object({
          entityRef: z.string(),
          decision,
          policyDecision: decision,
          overridden: z.boolean(),
          override: z
            .object({
              createdBy: z.string(),
              reason: z.string(),
              expiresAt: z.string(),
            })
            .nullable(),
          policyName: z.string(),
          state: z.string(),
          since: z.string().nullable(),
          reasons: z.array(
            z.object({
              sloName: z.string(),
              displayName: z.string().nullable(),
              policyName: z.string().nullable(),
              state: z.string(),
              decision,
              consequence: z.string(),
              since: z.string(),
              keptUntil: z.string().nullable(),
            }),
          ),
          sloDataOverdue: z
            .object({
              checkedAt: z.string(),
              maxAgeMinutes: z
                .number()
                .nullable()
                .describe(
                  "Set when the figures are older than the service's policy allows (not collection being behind)",
                ),
            })
            .nullable(),
          message: z.string(),
          evaluatedAt: z.string(),
        });
      },
    },
    action: async ({ input, credentials }) => {
      const { entity } = await loadActionEntity(
        deps.catalog,
        input.entityRef,
        'component',
        credentials,
      );
      const gate = await deps.deployGate.decide(entity);
      return {
        output: {
          entityRef: gate.entityRef,
          decision: gate.decision,
          policyDecision: gate.policyDecision,
          overridden: gate.overridden,
          override: gate.override && {
            createdBy: gate.override.createdBy,
            reason: gate.override.reason,
            expiresAt: gate.override.expiresAt,
          },
          policyName: gate.policyName,
          state: gate.state,
          since: gate.since,
          reasons: gate.reasons.map(reason => ({
            sloName: reason.sloName,
            displayName: reason.displayName ?? null,
            policyName: reason.policyName ?? null,
            state: reason.state,
            decision: reason.decision,
            consequence: reason.consequence,
            since: reason.since,
            keptUntil: reason.keptUntil ?? null,
          })),
          sloDataOverdue: gate.sloDataOverdue
            ? {
                checkedAt: gate.sloDataOverdue.checkedAt,
                maxAgeMinutes: gate.sloDataOverdue.maxAgeMinutes ?? null,
              }
            : null,
          message: gate.message,
          evaluatedAt: gate.evaluatedAt,
        },
      };
    },
  });
}
