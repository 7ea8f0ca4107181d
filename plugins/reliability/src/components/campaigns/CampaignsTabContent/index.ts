export { CampaignsTabContent } from './CampaignsTabContent';
