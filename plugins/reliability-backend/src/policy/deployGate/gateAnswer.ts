import { OutdatedSloDataAnswer } from '../config';
import {
  decisionRank,
  DeployGateOverride,
  DeployGateReason,
  DeployGateResponse,
  EntitySlo,
  PolicyDecision,
} from '@internal/backstage-plugin-reliability-common';
import { SERVICE_SLO_NAME, StoredPolicyState } from '../store/PolicyStore';

/**
 * The SLOs whose state comes from a policy rule, most severe first (stricter decision, then earlier rule). A reason
 * names its policy when the SLO's own policy (from its SLO file) differs from the entity's `policyName`.
 */
export function gateReasons(
  states: StoredPolicyState[],
  slos: EntitySlo[],
  policyName: string,
): DeployGateReason[] {
  const displayNames = new Map(
    slos.map(slo => [slo.definition.name, slo.definition.displayName]),
  );
  return states
    .filter(s => s.sloName !== SERVICE_SLO_NAME && s.ruleIndex !== null)
    .sort(
      (a, b) =>
        decisionRank(b.decision) - decisionRank(a.decision) ||
        a.ruleIndex! - b.ruleIndex! ||
        a.sloName.localeCompare(b.sloName),
    )
    .map(s => {
      const displayName = displayNames.get(s.sloName);
      return {
        sloName: s.sloName,
        ...(displayName ? { displayName } : {}),
        ...(s.policyName !== policyName ? { policyName: s.policyName } : {}),
        state: s.state,
        decision: s.decision,
        ruleIndex: s.ruleIndex!,
        consequence: s.consequence ?? '',
        since: s.since.toISOString(),
        ...(s.keptUntil && { keptUntil: s.keptUntil.toISOString() }),
      };
    });
}

/** One line for pipeline logs explaining the answer. */
export function gateMessage(options: {
  decision: PolicyDecision;
  policyDecision: PolicyDecision;
  policyName: string;
  reasons: DeployGateReason[];
  override: DeployGateOverride | null;
  hasSlos: boolean;
}): string {
  const { decision, policyDecision, policyName, reasons, override } = options;
  if (!options.hasSlos) {
    return `${decision}: the entity has no SLOs, so the error-budget policy does not restrict deploys`;
  }
  const strongest = reasons.filter(r => r.decision === policyDecision);
  const why = strongest
    .map(
      r =>
        `${r.sloName} is ${r.state}${
          r.policyName ? ` (policy ${r.policyName})` : ''
        } since ${r.since}${
          r.keptUntil
            ? `, kept until ${r.keptUntil} unless its condition holds again`
            : ''
        } (${r.consequence})`,
    )
    .join('; ');
  if (override) {
    return `${decision} (override by ${override.createdBy} until ${override.expiresAt}: ${override.reason}); policy ${policyName} says ${policyDecision}: ${why}`;
  }
  if (strongest.length === 0 || policyDecision === 'allow') {
    return `${decision}: every SLO is within policy ${policyName}`;
  }
  return `${decision}: policy ${policyName}: ${why}`;
}

/** The gate's decision: an active override turns `deny` into `allow`; `warn` and `allow` stay. */
export function gateDecision(
  policyDecision: PolicyDecision,
  override: DeployGateOverride | undefined,
): { decision: PolicyDecision; overridden: boolean } {
  if (policyDecision === 'deny' && override) {
    return { decision: 'allow', overridden: true };
  }
  return { decision: policyDecision, overridden: false };
}

/** Builds the gate's answer from the evaluated states and the newest active override. */
export function buildGateAnswer(options: {
  entityRef: string;
  policyName: string;
  states: StoredPolicyState[];
  slos: EntitySlo[];
  activeOverride: DeployGateOverride | undefined;
  evaluatedAt: Date;
  /**
   * Set when the SLO figures are too old: collection is behind, or (`maxAgeMinutes`) they are older than the policy
   * allows. Said in the answer and its message.
   */
  collectionOverdue?: { checkedAt: string; maxAgeMinutes?: number };
  /** What outdated SLO figures answer: `decide` (default) keeps the policy's decision, `warn`/`deny` at least that. */
  outdatedSloData?: OutdatedSloDataAnswer;
}): DeployGateResponse {
  const service = options.states.find(s => s.sloName === SERVICE_SLO_NAME);
  const policyDecision = service?.decision ?? 'allow';
  const overdue = options.collectionOverdue;
  // Outdated SLO figures may answer at least `warn` or `deny` (config); the policy's own decision is kept apart.
  const outdated = overdue ? options.outdatedSloData ?? 'decide' : 'decide';
  const raised =
    outdated !== 'decide' &&
    decisionRank(outdated) > decisionRank(policyDecision);
  const { decision, overridden } = gateDecision(
    raised ? (outdated as PolicyDecision) : policyDecision,
    options.activeOverride,
  );
  const override = overridden ? options.activeOverride! : null;
  const reasons = gateReasons(options.states, options.slos, options.policyName);
  const message = gateMessage({
    decision,
    policyDecision,
    policyName: options.policyName,
    reasons,
    override,
    hasSlos: Boolean(service),
  });
  return {
    entityRef: options.entityRef,
    decision,
    policyDecision,
    overridden,
    override,
    policyName: options.policyName,
    state: service?.state ?? 'no-slos',
    since: service ? service.since.toISOString() : null,
    reasons,
    message: overdue
      ? `${message} (SLO data last checked at ${overdue.checkedAt}: ${
          overdue.maxAgeMinutes
            ? `older than the ${overdue.maxAgeMinutes} minutes its policy allows`
            : 'SLO collection is behind'
        }${raised ? `; outdated SLO data answers ${outdated}` : ''})`
      : message,
    evaluatedAt: options.evaluatedAt.toISOString(),
    ...(overdue && { sloDataOverdue: overdue }),
  };
}
