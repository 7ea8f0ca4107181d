/*
 * One lazily loaded chunk for the cards and the On-call tab of a group's page: the group cards are shown
 * together on the group's Overview tab, so one boundary sends their shared code once.
 */
export { EntityGroupOnCallCard } from '../components/oncall/EntityGroupOnCallCard';
export { GroupOnCallContent } from '../components/oncall/GroupOnCallContent';
export { EntityGroupTrendsCard } from '../components/trends/EntityGroupTrendsCard';
export { GroupAlertsCoverageCard } from '../components/alerts/GroupAlertsCoverageCard';
export { GroupPostmortemsCard } from '../components/incidents/GroupPostmortemsCard';
export { GroupLearningProgressCard } from '../components/learning/GroupLearningProgressCard';
