export { GlossaryTab } from './GlossaryTab';
export { GlossaryTerm, GLOSSARY_TAB_PATH } from './GlossaryTerm';
export type { GlossaryEntry, GlossaryTermId } from './glossary';
