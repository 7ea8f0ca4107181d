import { MaturityExemption } from '@internal/backstage-plugin-reliability-common';
import type {
  ChecklistListener,
  MaturityLevelDrop,
} from '../checklist/listener';
import { entityName, entityTabLink } from './links';
import { ReliabilityNotifier } from './ReliabilityNotifier';

const day = (iso: string | null) => (iso ?? '').slice(0, 10);

/**
 * Tells the owners of an entity about its checklist: an exemption decided (from the request handler of the
 * decision, once) or expired, and a maturity level that dropped (both found by the checklist's global refresh).
 * Each links to the entity's Maturity tab, where the fix is made.
 */
export class ChecklistNotifications implements ChecklistListener {
  constructor(private readonly notifier: ReliabilityNotifier) {}

  async exemptionDecided(exemption: MaturityExemption): Promise<void> {
    const approved = exemption.status === 'active';
    const name = entityName(exemption.entityRef);
    await this.notifier.send([
      {
        kind: 'exemptionDecided',
        subject: exemption.entityRef,
        episode: `${exemption.id}:${approved ? 'approved' : 'rejected'}`,
        recipients: [exemption.entityRef],
        payload: {
          title: approved
            ? `Exemption of '${
                exemption.itemId
              }' for ${name} approved until ${day(exemption.expiresAt)}`
            : `Exemption of '${exemption.itemId}' for ${name} rejected`,
          description: [
            `Decided by ${exemption.decidedBy}.`,
            exemption.decisionComment
              ? `Comment: ${exemption.decisionComment}`
              : '',
            approved
              ? 'The item counts neither as passed nor as failed until then.'
              : 'The item counts as before; fix it or ask again with more detail.',
          ]
            .filter(Boolean)
            .join(' '),
          link: entityTabLink(exemption.entityRef, 'maturity'),
          severity: approved ? 'low' : 'normal',
        },
      },
    ]);
  }

  async exemptionsExpired(exemptions: MaturityExemption[]): Promise<void> {
    await this.notifier.send(
      exemptions.map(exemption => ({
        kind: 'exemptionExpired' as const,
        subject: exemption.entityRef,
        episode: exemption.id,
        recipients: [exemption.entityRef],
        payload: {
          title: `Exemption of '${exemption.itemId}' for ${entityName(
            exemption.entityRef,
          )} expired`,
          description: `It ended on ${day(
            exemption.expiresAt,
          )}: the item counts again (failing until it is done or answered).`,
          link: entityTabLink(exemption.entityRef, 'maturity'),
          severity: 'normal' as const,
        },
      })),
    );
  }

  async levelsDropped(drops: MaturityLevelDrop[]): Promise<void> {
    await this.notifier.send(
      drops.map(drop => ({
        kind: 'maturityLevelDropped' as const,
        subject: drop.entityRef,
        episode: `${drop.from}>${drop.to}@${drop.previousEvaluatedAt}`,
        recipients: [drop.entityRef],
        payload: {
          title: `${entityName(drop.entityRef)} dropped from maturity level ${
            drop.from
          } to ${drop.to}`,
          description: drop.blocking.length
            ? `In the way now: ${drop.blocking.join(
                ', ',
              )} (an answer expired or an automatic check fails).`
            : 'An answer expired or an automatic check fails.',
          link: entityTabLink(drop.entityRef, 'maturity'),
          severity: 'high' as const,
        },
      })),
    );
  }
}
