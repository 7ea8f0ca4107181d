export { ExemptionsPanel } from './ExemptionsPanel';
