export { CampaignDetailView } from './CampaignDetailView';
