export { createNotificationsFeature } from './createNotificationsFeature';
export type { NotificationsFeature } from './createNotificationsFeature';
