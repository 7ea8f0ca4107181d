import {
  Entity,
  parseEntityRef,
  RELATION_OWNED_BY,
} from '@backstage/catalog-model';
import {
  entityRefKey,
  formatRatio,
  ReliabilitySearchDocument,
  RunbookKind,
  SloDefinition,
} from '@internal/backstage-plugin-reliability-common';
import { LoadedRunbook } from '../sources/types';
import { markdownToText } from './markdownToText';

/** How a document of each runbook kind introduces itself in its text ("Rollback procedure of Checkout API"). */
const KIND_TEXT: Record<RunbookKind, string> = {
  runbook: 'Runbook',
  rollback: 'Rollback procedure',
  postmortem: 'Postmortem',
  premortem: 'Pre-mortem',
};

/** What every document of an entity shares: the entity's ref, title, owner, lifecycle and tab path. */
interface EntityFacts {
  entityRef: string;
  entityTitle: string;
  owner: string;
  lifecycle: string;
  /** `/catalog/<namespace>/<kind>/<name>`, each part encoded. */
  entityPath: string;
}

function entityFacts(entity: Entity): EntityFacts {
  const entityRef = entityRefKey(entity);
  const { kind, namespace, name } = parseEntityRef(entityRef);
  const ownerRelation = entity.relations?.find(
    r => r.type === RELATION_OWNED_BY,
  )?.targetRef;
  const specOwner = entity.spec?.owner;
  const lifecycle = entity.spec?.lifecycle;
  return {
    entityRef,
    entityTitle: entity.metadata.title ?? entity.metadata.name,
    owner: ownerRelation ?? (typeof specOwner === 'string' ? specOwner : ''),
    lifecycle: typeof lifecycle === 'string' ? lifecycle : '',
    entityPath: `/catalog/${[namespace, kind, name]
      .map(encodeURIComponent)
      .join('/')}`,
  };
}

/**
 * Search documents of an entity's runbooks (every kind: runbooks, rollback procedures, postmortems,
 * pre-mortems), each opening the runbook in the entity's Runbooks tab. Runbooks that could not be read at all
 * (an error and no body) are left out: there is nothing to find in them.
 */
export function runbookSearchDocuments(
  entity: Entity,
  runbooks: LoadedRunbook[],
): ReliabilitySearchDocument[] {
  const facts = entityFacts(entity);
  return runbooks
    .filter(({ entry, body }) => entry.error === null || body !== null)
    .map(({ entry, body }) => ({
      title: entry.title,
      text: [
        `${KIND_TEXT[entry.kind]} of ${facts.entityTitle}.`,
        entry.answers.length > 0
          ? `Answers the alerts: ${entry.answers.join(', ')}.`
          : '',
        body === null ? entry.url ?? '' : markdownToText(body),
      ]
        .filter(Boolean)
        .join('\n'),
      location: `${facts.entityPath}/runbooks?runbook=${encodeURIComponent(
        entry.id,
      )}`,
      kind: entry.kind,
      entityRef: facts.entityRef,
      entityTitle: facts.entityTitle,
      owner: entry.owner ?? facts.owner,
      lifecycle: facts.lifecycle,
    }));
}

function describeSlo(slo: SloDefinition, entityTitle: string): string {
  const objectives = slo.objectives
    .map(o =>
      [o.displayName, `${formatRatio(o.target)} over ${slo.window.label}`]
        .filter(Boolean)
        .join(': '),
    )
    .join('; ');
  const alerts = slo.alertPolicies
    .map(a =>
      [a.displayName ?? a.name, a.description].filter(Boolean).join(': '),
    )
    .join('; ');
  const indicator = slo.indicator.displayName ?? slo.indicator.name;
  return [
    `SLO of ${entityTitle}${slo.displayName ? ` (${slo.name})` : ''}.`,
    slo.description ?? '',
    `Indicator: ${[indicator, slo.indicator.description]
      .filter(Boolean)
      .join(': ')}.`,
    objectives ? `Objectives: ${objectives}.` : '',
    alerts ? `Alerts: ${alerts}.` : '',
    slo.runbook ? `Runbook: ${slo.runbook}.` : '',
  ]
    .filter(Boolean)
    .join('\n');
}

/** Search documents of an entity's SLOs, each opening the entity's SLOs tab (`?slo=<name>`, unique per SLO). */
export function sloSearchDocuments(
  entity: Entity,
  definitions: SloDefinition[],
): ReliabilitySearchDocument[] {
  const facts = entityFacts(entity);
  return definitions.map(slo => ({
    title: slo.displayName ?? slo.name,
    text: describeSlo(slo, facts.entityTitle),
    location: `${facts.entityPath}/slos?slo=${encodeURIComponent(slo.name)}`,
    kind: 'slo',
    entityRef: facts.entityRef,
    entityTitle: facts.entityTitle,
    owner: facts.owner,
    lifecycle: facts.lifecycle,
  }));
}
