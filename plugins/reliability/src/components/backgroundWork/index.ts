export { BackgroundWorkCard } from './BackgroundWorkCard';
