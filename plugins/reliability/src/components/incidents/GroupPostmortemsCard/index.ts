export { GroupPostmortemsCard } from './GroupPostmortemsCard';
