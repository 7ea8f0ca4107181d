export { TeamLeaderboard } from './TeamLeaderboard';
