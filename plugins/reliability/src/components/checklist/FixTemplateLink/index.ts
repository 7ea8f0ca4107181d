export { FixTemplateLink } from './FixTemplateLink';
