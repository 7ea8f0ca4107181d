export { EntityCampaignsCard } from './EntityCampaignsCard';
