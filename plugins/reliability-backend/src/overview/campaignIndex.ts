import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { EntityRefIndex } from './indexedPage';
import { CampaignMembership } from './sources';

/** Plain string order (the same on every machine, unlike locale order). */
function byCodeUnits(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/**
 * The index the overview's `campaign` filter pages over: the refs of the campaign's services the caller can see
 * (only those not meeting its target yet with `open`), in ref order, measured once per request by the campaigns
 * area. Unknown campaigns and a missing campaigns area are bad requests (400).
 */
export async function campaignIndex(options: {
  campaigns: CampaignMembership | undefined;
  campaignId: string;
  open: boolean;
  credentials: BackstageCredentials;
}): Promise<EntityRefIndex> {
  const { campaigns, campaignId, open, credentials } = options;
  if (!campaigns) {
    throw new InputError(
      'The campaign filter needs the campaigns area, which is not installed',
    );
  }
  const services = await campaigns.servicesOf(campaignId, credentials);
  if (!services) {
    throw new InputError(`Unknown campaign '${campaignId}'`);
  }
  const refs = services
    .filter(service => !open || !service.done)
    .map(service => service.entityRef)
    .sort(byCodeUnits);
  return async query => {
    const ordered = query.order === 'desc' ? [...refs].reverse() : refs;
    return {
      entityRefs: ordered.slice(query.offset, query.offset + query.limit),
      totalItems: query.includeTotal ? refs.length : undefined,
    };
  };
}
