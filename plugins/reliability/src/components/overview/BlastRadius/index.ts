export { BlastRadiusPanel } from './BlastRadiusPanel';
