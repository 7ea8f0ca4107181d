import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { ANNOTATIONS } from '@internal/backstage-plugin-reliability-common';
import useAsync from 'react-use/esm/useAsync';
import { reliabilityApiRef } from '../../../api';

/** Choices of the overview's filter selects. */
export interface ServiceFilterOptions {
  teams: string[];
  systems: string[];
  domains: string[];
  tiers: string[];
  /** Maturity level ids (plus `none`); empty when the checklist is not available. */
  levels: string[];
  /** Campaigns that are not archived (id and name); empty when campaigns are not available. */
  campaigns: Array<{ id: string; name: string }>;
}

const TIER_FACET = `metadata.annotations.${ANNOTATIONS.tier}`;

/**
 * Loads the filter choices: owners, systems and tiers of components and the domains of systems from two
 * catalog facet queries, the maturity levels from the checklist and the campaigns that are not archived.
 */
export function useServiceFilterOptions() {
  const catalogApi = useApi(catalogApiRef);
  const reliabilityApi = useApi(reliabilityApiRef);
  return useAsync(async (): Promise<ServiceFilterOptions> => {
    const values = (facet?: Array<{ value: string }>) =>
      (facet ?? []).map(f => f.value).sort((a, b) => a.localeCompare(b));
    const [components, systems, levels, campaigns] = await Promise.all([
      catalogApi.getEntityFacets({
        filter: { kind: 'component' },
        facets: ['relations.ownedBy', 'relations.partOf', TIER_FACET],
      }),
      catalogApi.getEntityFacets({
        filter: { kind: 'system' },
        facets: ['relations.partOf'],
      }),
      reliabilityApi
        .getChecklist()
        .then(checklist => [...checklist.levels.map(level => level.id), 'none'])
        .catch(() => [] as string[]),
      Promise.resolve()
        .then(() => reliabilityApi.listCampaigns({ status: 'all' }))
        .then(response =>
          response.campaigns
            .filter(({ campaign }) => campaign.status !== 'archived')
            .map(({ campaign }) => ({ id: campaign.id, name: campaign.name })),
        )
        .catch(() => [] as Array<{ id: string; name: string }>),
    ]);
    const partOf = values(components.facets['relations.partOf']);
    return {
      teams: values(components.facets['relations.ownedBy']),
      systems: partOf.filter(ref => ref.startsWith('system:')),
      domains: values(systems.facets['relations.partOf']).filter(ref =>
        ref.startsWith('domain:'),
      ),
      tiers: values(components.facets[TIER_FACET]),
      levels,
      campaigns,
    };
  }, [catalogApi, reliabilityApi]);
}
