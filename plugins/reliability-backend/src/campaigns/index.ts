export { createCampaignsFeature } from './createCampaignsFeature';
export type { CampaignsFeature } from './createCampaignsFeature';
