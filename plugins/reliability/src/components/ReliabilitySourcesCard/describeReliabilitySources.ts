import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATIONS,
  RUNBOOK_LINK_TYPE,
} from '@internal/backstage-plugin-reliability-common';

/** One reliability data source of an entity and whether it is configured. */
export interface ReliabilitySource {
  label: string;
  configured: boolean;
  detail: string;
}

/** Lists the reliability data sources an entity declares through its annotations and links. */
export function describeReliabilitySources(
  entity: Entity,
): ReliabilitySource[] {
  const annotations = entity.metadata.annotations ?? {};
  const has = (key: string) => Boolean(annotations[key]?.trim());
  const runbookLinks = (entity.metadata.links ?? []).filter(
    link => link.type === RUNBOOK_LINK_TYPE,
  ).length;
  const onCall = [
    ANNOTATIONS.onCallSchedule,
    ANNOTATIONS.pagerDutyServiceId,
    ANNOTATIONS.opsgenieTeam,
  ].find(has);

  return [
    {
      label: 'SLO definitions',
      configured: has(ANNOTATIONS.sloDefinitions) || has(ANNOTATIONS.sloInline),
      detail: has(ANNOTATIONS.sloDefinitions)
        ? annotations[ANNOTATIONS.sloDefinitions]
        : `add the ${ANNOTATIONS.sloDefinitions} annotation`,
    },
    {
      label: 'On-call',
      configured: Boolean(onCall),
      detail: onCall
        ? `${onCall}: ${annotations[onCall]}`
        : `add ${ANNOTATIONS.onCallSchedule}, ${ANNOTATIONS.pagerDutyServiceId} or ${ANNOTATIONS.opsgenieTeam}`,
    },
    {
      label: 'Runbooks',
      configured: has(ANNOTATIONS.runbooks) || runbookLinks > 0,
      detail:
        has(ANNOTATIONS.runbooks) || runbookLinks > 0
          ? `${runbookLinks} runbook link(s)${
              has(ANNOTATIONS.runbooks) ? ', Markdown runbooks in the repo' : ''
            }`
          : `add ${ANNOTATIONS.runbooks} or a metadata.links entry of type ${RUNBOOK_LINK_TYPE}`,
    },
    {
      label: 'Tier',
      configured: has(ANNOTATIONS.tier),
      detail: has(ANNOTATIONS.tier)
        ? annotations[ANNOTATIONS.tier]
        : `add the ${ANNOTATIONS.tier} annotation (tier-1 to tier-4)`,
    },
  ];
}
