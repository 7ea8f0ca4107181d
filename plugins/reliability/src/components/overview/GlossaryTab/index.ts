export { GlossaryTab } from './GlossaryTab';
