export { PostmortemFollowUpTab } from './PostmortemFollowUpTab';
