export { EntityIncidentsCard } from './EntityIncidentsCard';
export { GroupPostmortemsCard } from './GroupPostmortemsCard';
export { PostmortemFollowUpTab } from './PostmortemFollowUpTab';
