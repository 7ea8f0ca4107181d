export { CampaignsTabContent } from './CampaignsTabContent';
export { EntityCampaignsCard } from './EntityCampaignsCard';
