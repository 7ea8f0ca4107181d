import {
  DeployGateOverride,
  PolicyDecision,
  policyStateLabel,
  utcMinute,
} from '@internal/backstage-plugin-reliability-common';
import type {
  PolicyListener,
  PolicyServiceStateChange,
} from '../policy/listener';
import { entityName, entityTabLink } from './links';
import { ReliabilityNotifier } from './ReliabilityNotifier';

/** What a decision means for the team's deploys, in the title. */
const DEPLOYS: Record<PolicyDecision, string> = {
  allow: 'deploys allowed',
  warn: 'deploy with care',
  deny: 'deploys blocked',
};

const SEVERITY = { allow: 'low', warn: 'normal', deny: 'high' } as const;

function notification(change: PolicyServiceStateChange) {
  const name = entityName(change.entityRef);
  const to = policyStateLabel(change.toState);
  const title =
    change.decision === 'allow'
      ? `${name}: back to ${to}, deploys allowed`
      : `${name}: ${to}, ${DEPLOYS[change.decision]}`;
  const description = [
    change.consequence ?? '',
    `The error-budget policy moved it from ${policyStateLabel(
      change.fromState,
    )} at ${utcMinute(change.changedAt)}.`,
    change.currentState
      ? `It has changed again since: now ${policyStateLabel(
          change.currentState,
        )}.`
      : '',
  ]
    .filter(Boolean)
    .join(' ');
  return {
    kind: 'policyStateChanged' as const,
    subject: change.entityRef,
    episode: `${change.toState}@${change.changedAt}`,
    recipients: [change.entityRef],
    payload: {
      title,
      description,
      link: entityTabLink(change.entityRef, 'reliability'),
      severity: SEVERITY[change.decision],
    },
  };
}

/**
 * Tells the owners of a service when its error-budget policy state changes (the policy area's refresh reports the
 * changes of the last hour each run; each is sent once): the new state, what it means for deploys and what the
 * team agreed to do in it; and when someone overrides its deploy gate (from the request, once per override): who,
 * why and until when. Both link the Reliability tab (the policy card and the deploy gate).
 */
export class PolicyNotifications implements PolicyListener {
  constructor(private readonly notifier: ReliabilityNotifier) {}

  async overrideCreated(override: DeployGateOverride): Promise<void> {
    await this.tellOverride(override, 'deployGateOverridden', 'high', {
      title: `${entityName(
        override.entityRef,
      )}: the deploy gate is overridden until ${utcMinute(override.expiresAt)}`,
      description: `${override.createdBy} overrode the error-budget policy's deny: "${override.reason}". Deploys are allowed until then unless the override is revoked.`,
    });
  }

  async overrideRevoked(override: DeployGateOverride): Promise<void> {
    if (!override.revoked) return;
    await this.tellOverride(override, 'deployGateOverrideRevoked', 'normal', {
      title: `${entityName(
        override.entityRef,
      )}: the deploy-gate override ends early, at ${utcMinute(
        override.revoked.at,
      )}`,
      description: `${override.revoked.by} revoked ${override.createdBy}'s override ("${override.reason}"): "${override.revoked.reason}". From then on the error-budget policy decides deploys again.`,
    });
  }

  /** One notice about an override to the service's owners, once per override, linking the Reliability tab. */
  private async tellOverride(
    override: DeployGateOverride,
    kind: 'deployGateOverridden' | 'deployGateOverrideRevoked',
    severity: 'high' | 'normal',
    text: { title: string; description: string },
  ): Promise<void> {
    await this.notifier.send([
      {
        kind,
        subject: override.entityRef,
        episode: override.id,
        recipients: [override.entityRef],
        payload: {
          ...text,
          link: entityTabLink(override.entityRef, 'reliability'),
          severity,
        },
      },
    ]);
  }

  async serviceStatesChanged(
    changes: PolicyServiceStateChange[],
  ): Promise<void> {
    if (!this.notifier.isEnabled('policyStateChanged')) return;
    await this.notifier.send(changes.map(notification));
  }
}
