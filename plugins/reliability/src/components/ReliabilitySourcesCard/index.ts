export { ReliabilitySourcesCard } from './ReliabilitySourcesCard';
