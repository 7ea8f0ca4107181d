export { RunbookMarkdown } from './RunbookMarkdown';
