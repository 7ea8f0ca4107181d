import { parseEntityRef } from '@backstage/catalog-model';

/** App path of an entity tab (`maturity`, `reliability`, ...). */
export function entityTabLink(entityRef: string, tab: string): string {
  const ref = parseEntityRef(entityRef);
  return `/catalog/${encodeURIComponent(ref.namespace)}/${encodeURIComponent(
    ref.kind.toLowerCase(),
  )}/${encodeURIComponent(ref.name)}/${tab}`;
}

/** App path of a campaign's page (the Campaigns tab of the org page, the campaign selected). */
export function campaignLink(campaignId: string): string {
  return `/reliability/campaigns?${new URLSearchParams({
    campaign: campaignId,
  })}`;
}

/** The entity's name for titles (`orders-api` of `component:default/orders-api`). */
export function entityName(entityRef: string): string {
  return parseEntityRef(entityRef).name;
}
